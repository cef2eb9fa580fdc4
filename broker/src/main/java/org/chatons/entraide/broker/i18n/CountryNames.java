package org.chatons.entraide.broker.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chatons.entraide.broker.config.StartupError;

/**
 * Countries as a sentence names them: "au Royaume-Uni", "aux Philippines", "à Monaco", "en Belgique", "in the
 * Netherlands". The name is CLDR's (as the JDK gives it); the words before it come from a table with one row per
 * ISO 3166-1 code and one column per language ({@code i18n/countries.tsv}), since French grammar decides them per
 * country (gender, number, island or city-state), not by a rule.
 */
public final class CountryNames {

    /** Per language, per code: the words before the name. */
    private final Map<String, Map<String, String>> before = new HashMap<>();
    private final String firstLanguage;
    /** The row for a code the table lacks. */
    static final String OTHER = "other";

    /** Reads the table; a row with a missing column stops the broker with the file and the line. */
    public CountryNames(String file) {
        List<String> lines = read(file);
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.asList(line.split("\t", -1));
            if (header == null) {
                header = cells;
                header.subList(1, header.size()).forEach(language -> before.put(language, new HashMap<>()));
            } else if (cells.size() != header.size() || cells.stream().anyMatch(String::isBlank)) {
                throw new StartupError(file + " line " + (i + 1) + ": expected " + String.join(", ", header)
                        + " separated by tabs, got '" + line + "'");
            } else {
                for (int column = 1; column < cells.size(); column++) {
                    before.get(header.get(column)).put(cells.get(0), cells.get(column));
                }
            }
        }
        if (header == null || header.size() < 2) {
            throw new StartupError(file + ": no header line (code, then one column per language)");
        }
        firstLanguage = header.get(1);
        if (!before.get(firstLanguage).containsKey(OTHER)) {
            throw new StartupError(file + ": no row '" + OTHER + "' (for codes it does not list)");
        }
    }

    /** The country's name in that language (its code when CLDR has none). */
    public static String name(String code, Locale locale) {
        return new Locale("", code).getDisplayCountry(locale);
    }

    /** "In" that country, as a sentence says it: "au Canada", "in the United States". */
    public String in(String code, Locale locale) {
        Map<String, String> words = before.getOrDefault(locale.getLanguage(), before.get(firstLanguage));
        String name = name(code, locale);
        // A code the table lacks (a member's, not ISO 3166-1) takes the "other" row: no article can be guessed.
        String prefix = words.getOrDefault(code, words.get(OTHER));
        return prefix.endsWith("’") ? prefix + name : prefix + " " + name;
    }

    /** Every country code of the table. */
    public Set<String> codes() {
        Set<String> codes = new TreeSet<>(before.get(firstLanguage).keySet());
        codes.remove(OTHER);
        return codes;
    }

    private static List<String> read(String file) {
        try (InputStream in = CountryNames.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new StartupError(file + ": missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new StartupError(file + ": cannot be read: " + e.getMessage());
        }
    }
}
