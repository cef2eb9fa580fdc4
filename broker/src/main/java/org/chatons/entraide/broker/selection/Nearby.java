package org.chatons.entraide.broker.selection;

import org.chatons.entraide.protocol.Places;

/**
 * Where a person would rather be sent, as far as the request says it: a country (their explicit choice on the
 * picker, or the region of their browser's language) and a language. Never their address: the broker does not
 * locate anyone. Either may be absent; {@link #ANYWHERE} has neither.
 *
 * @param country   ISO 3166 code in capitals ({@code BE}), or null for no preferred country
 * @param language  ISO 639 code in lower case ({@code fr}), or null for no preferred language
 */
public record Nearby(String country, String language) {

    /** No preference: the choice among all eligible hosts. */
    public static final Nearby ANYWHERE = new Nearby(null, null);

    public Nearby {
        if (country != null && !isCountry(country)) {
            throw new IllegalArgumentException("country: '" + country + "' (expected: two capital letters, e.g. BE)");
        }
        if (language != null && !isLanguage(language)) {
            throw new IllegalArgumentException("language: '" + language + "' (expected: 2 or 3 small letters, e.g. fr)");
        }
    }

    /** Whether a code is a country as {@link Nearby} takes it: {@link Places#isCountry}. */
    public static boolean isCountry(String code) {
        return Places.isCountry(code);
    }

    /** Whether a code is a language as {@link Nearby} takes it: {@link Places#isLanguage}. */
    public static boolean isLanguage(String code) {
        return Places.isLanguage(code);
    }

    public boolean anywhere() {
        return country == null && language == null;
    }
}
