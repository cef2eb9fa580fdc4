package org.chatons.entraide.broker.http;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chatons.entraide.broker.i18n.MessagesFactory;

/**
 * The language of a page: {@code ?lang=} when the person chose one (no cookie remembers it: links carry it),
 * else the best match of {@code Accept-Language} among the languages we have, else French, the collective's.
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
public class Languages implements HttpLocaleResolver {

    public static final Locale DEFAULT = Locale.FRENCH;
    public static final List<Locale> SUPPORTED = MessagesFactory.LANGUAGES;
    private static final List<String> TAGS = SUPPORTED.stream().map(Locale::getLanguage).toList();

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(resolveOrDefault(request));
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        String chosen = request.getParameters().get("lang");
        if (chosen != null && TAGS.contains(chosen)) {
            return Locale.forLanguageTag(chosen);
        }
        String accepted = request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        if (accepted != null) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(accepted), TAGS);
                if (match != null) {
                    return Locale.forLanguageTag(match);
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is no reason to fail a page: fall back to the default.
            }
        }
        return DEFAULT;
    }

    /** The other language, for the switch link. */
    public static Locale other(Locale locale) {
        return locale.getLanguage().equals("fr") ? Locale.ENGLISH : Locale.FRENCH;
    }
}
