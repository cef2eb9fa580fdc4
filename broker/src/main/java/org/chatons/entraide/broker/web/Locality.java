package org.chatons.entraide.broker.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.chatons.entraide.broker.selection.Nearby;

/**
 * Where a request's person would rather be sent ({@link Nearby}), from what the request says and nothing else:
 * {@code ?near=} (a country code, or {@code any}: their choice on the picker, carried by the links), else the region
 * of their browser's {@code Accept-Language}; {@code ?lang=}, else the language that header prefers. Never the
 * address, never a cookie, and nothing of it is kept.
 */
@Singleton
public class Locality {

    /** The query parameter of the person's choice of country. */
    public static final String NEAR = "near";
    /** The value of {@link #NEAR} for no country. */
    public static final String ANY = "any";
    public static final String LANG = "lang";

    /** A parameter the API refuses, named with what was expected. */
    static final class BadParameter extends Exception {
        BadParameter(String message) {
            super(message);
        }
    }

    /** The preference, leniently: a parameter that is not a code is ignored (the picker never writes one). */
    public Nearby of(HttpRequest<?> request) {
        try {
            return read(request, false);
        } catch (BadParameter e) {
            throw new IllegalStateException(e);
        }
    }

    /** The preference, for the API: a parameter that is not a code is an error that names it. */
    Nearby strictly(HttpRequest<?> request) throws BadParameter {
        return read(request, true);
    }

    /** The person's explicit choice, {@code any} or a country code, or null when the request makes none. */
    static String chosen(HttpRequest<?> request) {
        String near = request.getParameters().get(NEAR);
        if (near == null) {
            return null;
        }
        String code = near.toUpperCase(Locale.ROOT);
        return ANY.equalsIgnoreCase(near) ? ANY : Nearby.isCountry(code) ? code : null;
    }

    private Nearby read(HttpRequest<?> request, boolean strict) throws BadParameter {
        String near = request.getParameters().get(NEAR);
        String lang = request.getParameters().get(LANG);
        String chosen = chosen(request);
        if (strict && near != null && chosen == null) {
            throw new BadParameter(NEAR + ": '" + near + "' (expected: a country code such as BE, or " + ANY + ")");
        }
        String language = lang == null ? null : lang.toLowerCase(Locale.ROOT);
        if (!Nearby.isLanguage(language)) {
            if (strict && lang != null) {
                throw new BadParameter(LANG + ": '" + lang + "' (expected: a language code such as fr)");
            }
            language = null;
        }
        AcceptLanguage accepted = null;
        if (chosen == null || language == null) {
            accepted = AcceptLanguage.parse(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
        }
        String country = chosen == null ? accepted.region() : ANY.equals(chosen) ? null : chosen;
        return new Nearby(country, language != null ? language : accepted.language());
    }
}
