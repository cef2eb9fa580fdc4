package org.chatons.entraide.probes.software;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a software is called, by whom.
 *
 * @param inReports the name in the agent's configuration and in reports ({@code jitsi}): lower case, digits, dashes
 * @param readable  the name people read on the picker ({@code Jitsi Meet})
 * @param aliases   other {@code software.name} values of ChatonsInfos files that stand for it ({@code Etherpad Lite},
 *                  {@code CodiMD}), besides the two above
 */
public record Names(String inReports, String readable, List<String> aliases) {

    private static final Pattern REPORT_NAME = Pattern.compile("[a-z0-9-]{1,64}");

    public Names {
        if (inReports == null || !REPORT_NAME.matcher(inReports).matches()) {
            throw new IllegalArgumentException("name in reports: '" + inReports + "' (expected: " + REPORT_NAME + ")");
        }
        if (readable == null || readable.isBlank()) {
            throw new IllegalArgumentException(inReports + ": readable name is empty (expected: the name people know)");
        }
        aliases = List.copyOf(aliases);
    }

    /** A software known by its name in reports and its readable name only. */
    public static Names of(String inReports, String readable, String... aliases) {
        return new Names(inReports, readable, List.of(aliases));
    }

    /** Every ChatonsInfos {@code software.name} it answers to, as {@link #compared} gives them. */
    public List<String> declared() {
        return Stream.concat(Stream.of(inReports, readable), aliases.stream())
                .map(Names::compared).distinct().toList();
    }

    /**
     * A name as the names of ChatonsInfos files are compared: without case, accents, spaces or dashes, since each
     * generator writes them its own way ({@code Jitsi Meet}, {@code jitsi-meet}, {@code Etherpad Lite}).
     */
    public static String compared(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
