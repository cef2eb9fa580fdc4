package org.chatons.entraide.broker.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.function.Function;
import org.chatons.entraide.broker.http.AcceptLanguage;
import org.chatons.entraide.broker.selection.Nearby;

/**
 * Where a request's person would rather be sent ({@link Nearby}), from what the request says and nothing else:
 * {@code ?near=} (a country code, or {@code any}: their choice on the picker, carried by the links), else the region
 * of their browser's {@code Accept-Language}; and the language that header prefers, else {@code ?lang=}. Never the
 * address, never a cookie, and nothing of it is kept.
 *
 * <p>On {@code /go} and the pages, {@code ?lang=} is the page's language, which links carry whatever the person
 * reads best (the picker speaks French and English only; a Dutch speaker reads it in French): the browser says more.
 * The pick API takes {@code lang} as the caller's explicit choice, before the header.
 */
@Singleton
public class Locality {

    /** The query parameter of the person's choice of country. */
    public static final String NEAR = "near";
    /** The value of {@link #NEAR} for no country. */
    public static final String ANY = "any";
    public static final String LANG = "lang";

    /** A parameter the API refuses, named with what was expected. */
    public static final class BadParameter extends Exception {
        BadParameter(String message) {
            super(message);
        }
    }

    /**
     * The preference of a person following the picker's links, leniently: a parameter that is not a code is
     * ignored (the picker never writes one).
     */
    public Nearby of(HttpRequest<?> request) {
        return of(name -> parameter(request, name), request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /**
     * The same, for a request read below Micronaut's router: its query parameters ({@code parameter} gives a name's
     * first value, or null) and its {@code Accept-Language} (or null).
     */
    public Nearby of(Function<String, String> parameter, String acceptLanguage) {
        try {
            return read(parameter, acceptLanguage, false);
        } catch (BadParameter e) {
            throw new AssertionError("a lenient reading refuses nothing", e);
        }
    }

    /**
     * The preference, for the API: {@code near} and {@code lang} before the header, and a parameter that is not a
     * code is an error that names it.
     */
    public Nearby strictly(HttpRequest<?> request) throws BadParameter {
        return read(name -> parameter(request, name), request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE), true);
    }

    /** The person's explicit choice, {@code any} or a country code, or null when the request makes none. */
    public static String chosen(HttpRequest<?> request) {
        return choice(parameter(request, NEAR));
    }

    /**
     * A query parameter, or null. A request without a query (most {@code /go} redirects) is not asked for its
     * parameters: Micronaut decodes the whole query the first time they are asked for, a few per cent of a
     * redirect's time.
     */
    private static String parameter(HttpRequest<?> request, String name) {
        if (request instanceof NettyHttpRequest<?> netty && netty.getNativeRequest().uri().indexOf('?') < 0) {
            return null;
        }
        return request.getParameters().get(name);
    }

    private static String choice(String near) {
        if (near == null) {
            return null;
        }
        String code = near.toUpperCase(Locale.ROOT);
        return ANY.equalsIgnoreCase(near) ? ANY : Nearby.isCountry(code) ? code : null;
    }

    private Nearby read(Function<String, String> parameter, String acceptLanguage, boolean strict)
            throws BadParameter {
        String near = parameter.apply(NEAR);
        String lang = parameter.apply(LANG);
        String chosen = choice(near);
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
        AcceptLanguage accepted = AcceptLanguage.parse(acceptLanguage);
        String country = chosen == null ? accepted.region() : ANY.equals(chosen) ? null : chosen;
        if (accepted.language() != null && (!strict || language == null)) {
            language = accepted.language();
        }
        boolean explicit = chosen != null && !ANY.equals(chosen);
        return country == null && language == null ? Nearby.ANYWHERE : new Nearby(country, language, explicit);
    }
}
