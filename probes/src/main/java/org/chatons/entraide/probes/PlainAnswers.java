package org.chatons.entraide.probes;

import java.time.Duration;

/**
 * Any software without a public API worth reading (Framadate, PrivateBin, Jitsi Meet's web front, ...): the status
 * of a GET of its address. 2xx and 3xx are UP (redirects are not followed: a login redirect is a working service),
 * other statuses DOWN, and an answer that takes more than half the timeout DEGRADED. No user count.
 */
public final class PlainAnswers {

    private PlainAnswers() {
    }

    /**
     * A health check that answers one word: UP when it does, DOWN saying what came instead.
     *
     * @param where   the check's path, for the reason
     * @param word    what a healthy service answers ({@code OK})
     * @param healthy the reason when it does
     */
    public static Measurement word(Answer answer, String where, String word, String healthy) {
        if (answer.ok() && answer.body().strip().equals(word)) {
            return Measurement.up(healthy);
        }
        return Measurement.down(where + " answers " + answer.status()
                + (answer.ok() ? " \"" + answer.snippet() + "\" instead of " + word : ""));
    }

    /** Status and latency. */
    public static Measurement answer(Answer answer, Duration timeout) {
        long ms = answer.elapsed().toMillis();
        if (answer.status() < 200 || answer.status() >= 400) {
            return Measurement.down("answers " + answer.status());
        }
        if (answer.elapsed().compareTo(timeout.dividedBy(2)) > 0) {
            return Measurement.degraded("answers " + answer.status() + " but slowly, in " + ms + " ms");
        }
        return Measurement.up("answers " + answer.status() + " in " + ms + " ms");
    }
}
