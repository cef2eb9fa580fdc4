package org.chatons.entraide.broker.catalogue;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A kind of service the collective offers, checked and ready to show in any supported language.
 *
 * @param id          the id used in reports and URLs
 * @param name        short name per language tag
 * @param description what it is for, per language tag
 * @param action      the button's words per language tag
 * @param replaces    what it replaces, or empty
 */
public record Service(String id, Map<String, String> name, Map<String, String> description,
                      Map<String, String> action, String replaces) {

    public Service {
        name = byLanguage(name);
        description = byLanguage(description);
        action = byLanguage(action);
    }

    /** Unmodifiable, in the order of the language tags: the API's JSON is the same from one process to the next. */
    private static Map<String, String> byLanguage(Map<String, String> texts) {
        return Collections.unmodifiableMap(new TreeMap<>(texts));
    }

    public String name(Locale locale) {
        return in(name, locale);
    }

    public String description(Locale locale) {
        return in(description, locale);
    }

    public String action(Locale locale) {
        return in(action, locale);
    }

    private static String in(Map<String, String> texts, Locale locale) {
        return texts.getOrDefault(locale.getLanguage(), texts.get(ServiceCatalogue.FALLBACK_LANGUAGE));
    }
}
