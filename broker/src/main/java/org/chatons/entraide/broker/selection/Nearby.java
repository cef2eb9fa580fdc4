package org.chatons.entraide.broker.selection;

import java.util.regex.Pattern;

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

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    public Nearby {
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country: '" + country + "' (expected: two capital letters, e.g. BE)");
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("language: '" + language + "' (expected: 2 or 3 small letters, e.g. fr)");
        }
    }

    /** Whether a code is a country as {@link Nearby} takes it. */
    public static boolean isCountry(String code) {
        return code != null && COUNTRY.matcher(code).matches();
    }

    /** Whether a code is a language as {@link Nearby} takes it. */
    public static boolean isLanguage(String code) {
        return code != null && LANGUAGE.matcher(code).matches();
    }

    public boolean anywhere() {
        return country == null && language == null;
    }

    public Nearby withCountry(String other) {
        return new Nearby(other, language);
    }
}
