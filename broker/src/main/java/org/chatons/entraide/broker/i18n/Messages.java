package org.chatons.entraide.broker.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.chatons.entraide.broker.config.StartupError;

/**
 * The picker's texts, one file per language ({@code i18n/messages_fr.properties}, UTF-8), each an ICU message
 * format: plural and select rules come from the language's own grammar (CLDR), so no sentence is built by hand
 * around a count. Arguments are inserted as they are, never parsed: a name with an apostrophe, a quote or a brace
 * is shown as written (the JDK's MessageFormat, behind Micronaut's message source, dropped apostrophes).
 *
 * <p>Every file is read and every pattern compiled once, when the broker starts: a pattern that does not parse,
 * or a text missing from one language, stops it with the file and the key.
 */
public final class Messages {

    private final List<Locale> languages;
    /** Per language tag, per key. A format is not thread-safe: {@link #format} locks it while it formats. */
    private final Map<String, Map<String, MessageFormat>> formats = new HashMap<>();

    /**
     * @param basename  the files' classpath prefix ({@code i18n/messages}: {@code i18n/messages_fr.properties})
     * @param languages the languages, each with its file and the same keys as the others
     */
    public Messages(String basename, List<Locale> languages) {
        this.languages = List.copyOf(languages);
        Set<String> keys = null;
        String first = null;
        for (Locale language : languages) {
            String file = basename + "_" + language.getLanguage() + ".properties";
            Map<String, MessageFormat> compiled = compile(file, read(file), language);
            if (keys == null) {
                keys = compiled.keySet();
                first = file;
            } else if (!compiled.keySet().equals(keys)) {
                throw new StartupError(file + " and " + first + " must have the same keys: " + difference(
                        compiled.keySet(), keys, file, first));
            }
            formats.put(language.getLanguage(), compiled);
        }
    }

    /** The languages there are texts for. */
    public List<Locale> languages() {
        return languages;
    }

    /** Every key, the same in every language. */
    public Set<String> keys() {
        return new TreeSet<>(formats.get(languages.get(0).getLanguage()).keySet());
    }

    /** Whether there is a text for that key (in every language). */
    public boolean has(String key) {
        return formats.get(languages.get(0).getLanguage()).containsKey(key);
    }

    /** The ICU pattern of a key, for tests and tools that look at the arguments it takes. */
    public String pattern(Locale locale, String key) {
        return find(locale, key).toPattern();
    }

    /**
     * The text of a key in the locale's language (the first language when there are no texts in it), with the
     * arguments in place: {@code {0}} is the first, counts and selectors given as numbers and strings.
     *
     * @throws IllegalArgumentException for an unknown key
     */
    public String format(Locale locale, String key, Object... arguments) {
        MessageFormat format = find(locale, key);
        synchronized (format) {
            return format.format(arguments == null ? new Object[0] : arguments);
        }
    }

    private MessageFormat find(Locale locale, String key) {
        Map<String, MessageFormat> texts = formats.get(locale.getLanguage());
        if (texts == null) {
            texts = formats.get(languages.get(0).getLanguage());
        }
        MessageFormat format = texts.get(key);
        if (format == null) {
            throw new IllegalArgumentException("no message '" + key + "'");
        }
        return format;
    }

    private static Properties read(String file) {
        Properties texts = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new StartupError(file + ": missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupError(file + ": cannot be read: " + e.getMessage());
        }
        return texts;
    }

    private static Map<String, MessageFormat> compile(String file, Properties texts, Locale language) {
        Map<String, MessageFormat> compiled = new HashMap<>();
        ULocale locale = ULocale.forLocale(language);
        for (String key : texts.stringPropertyNames()) {
            try {
                compiled.put(key, new MessageFormat(texts.getProperty(key), locale));
            } catch (IllegalArgumentException e) {
                throw new StartupError(file + ": " + key + ": not an ICU message format: " + e.getMessage());
            }
        }
        return compiled;
    }

    private static String difference(Set<String> these, Set<String> those, String theseFile, String thoseFile) {
        Set<String> onlyHere = new TreeSet<>(these);
        onlyHere.removeAll(those);
        Set<String> onlyThere = new TreeSet<>(those);
        onlyThere.removeAll(these);
        return (onlyHere.isEmpty() ? "" : "only in " + theseFile + ": " + onlyHere + " ")
                + (onlyThere.isEmpty() ? "" : "only in " + thoseFile + ": " + onlyThere);
    }
}
