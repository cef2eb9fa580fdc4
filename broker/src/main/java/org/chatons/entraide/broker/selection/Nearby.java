package org.chatons.entraide.broker.selection;

import org.chatons.entraide.protocol.Places;

/**
 * Where a person would rather be sent, as far as the request says it: a country (their explicit choice on the
 * picker, or the region of their browser's language) and a language. Never their address: the broker does not
 * locate anyone. Either may be absent; {@link #ANYWHERE} has neither.
 *
 * @param country   ISO 3166 code in capitals ({@code BE}), or null for no preferred country
 * @param language  ISO 639 code in lower case ({@code fr}), or null for no preferred language
 * @param chosen    whether the person chose the country ({@code ?near=BE}, on the picker or in a link) rather than
 *                  their browser saying it: a choice is honoured while the country has a host that can take them,
 *                  a browser's region is a preference judged in room ({@link NearFirst})
 */
public record Nearby(String country, String language, boolean chosen) {

    /** No preference: the choice among all eligible hosts. */
    public static final Nearby ANYWHERE = new Nearby(null, null);

    /** A preference the person did not state: read from their browser. */
    public Nearby(String country, String language) {
        this(country, language, false);
    }

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
