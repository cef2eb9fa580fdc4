package org.chatons.entraide.probes;

/**
 * Lufi and Lstu share {@code GET /fullstats}: a JSON object with a count ({@code files} or {@code urls}) and a
 * timestamp. There is no user count, so only health is read.
 */
public final class FullStatsAnswers {

    private FullStatsAnswers() {
    }

    /**
     * Reads the stats; a missing count means the answer is not Lufi's or Lstu's.
     *
     * @param name  the software's name, for the reason ({@code Lufi})
     * @param field the count it gives ({@code files})
     */
    public static Measurement fullStats(Answer answer, String name, String field) {
        return Json.read(answer, "/fullstats", Measurement::down, node -> {
            Integer count = Json.count(node, field);
            return count == null ? Measurement.degraded("/fullstats has no " + field + " count")
                    : Measurement.up(name + " healthy; " + count + " " + field);
        });
    }
}
