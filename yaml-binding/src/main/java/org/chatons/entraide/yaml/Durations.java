package org.chatons.entraide.yaml;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of Entraide's files, Micronaut's: a whole number and a unit, {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h}, {@code 2d}, or ISO-8601 ({@code PT30S}). The broker's {@code application.yml} takes the
 * same, through Micronaut.
 */
public final class Durations {

    /** What a message says is expected. */
    public static final String EXPECTED = "a duration such as 30s, 500ms or 2m";

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private Durations() {
    }

    /** The duration written, or null when the text is not one. */
    public static Duration parse(String text) {
        String t = text.strip();
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                Duration d = Duration.parse(t);
                return d.isNegative() ? null : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
