package org.chatons.entraide.broker.counting;

import java.time.Duration;
import java.time.Instant;

/**
 * How long people usually stay on a service, learned from its reports by Little's law: the users present over the
 * redirects that brought them (user-seconds over arrivals) is the mean stay. It bounds how many people can have
 * left between two reports ({@link CountingRules#evidence}), so it must not be a constant: a pad where people stay
 * half a minute loses a sixth of its users every 5 s, a call where they stay an hour almost none.
 *
 * <p>A flood is told from fast honest churn by time: a flood's redirects make the stay they imply fall suddenly,
 * far below what was learned, whereas a service's pace changes slowly. So the learned stay rises quickly (within a
 * stay or a report interval, whichever is longer: more users per redirect can never be a flood) and falls slowly
 * (over {@link #FALL_STAYS} stays), and
 * only while the reports confirm the redirects ({@link #CONFIRMED_TO_FALL}): a flood, whose redirects the reports do
 * not confirm, cannot teach it a shorter stay, however slowly it grows. What it costs: a service whose people
 * suddenly stay far shorter than before is taken for a flood until the broker restarts; it cannot be told from one.
 *
 * <p>The rise waits for a report interval where reports are slower than the stay: there a report sees only the last
 * stay's arrivals, so one report, or the first reports of a service filling from empty, can imply a stay several
 * times the real one. Learned at once, such a stay could never fall again (the reports then cannot confirm the
 * redirects it expects to see), and every redirect would count for less than a user (BENCHMARKS §6, 30 s stays
 * with 5-minute reports).
 *
 * <p>Not thread-safe: {@link RedirectWeight} calls it under its lock; the values are published for lock-free reads.
 */
final class UsualStay {

    /** The learned stay falls towards a shorter implied one with a time constant of this many stays. */
    static final double FALL_STAYS = 20;
    /** The learned stay falls only while the reports confirm at least this share of the redirects. */
    static final double CONFIRMED_TO_FALL = 0.9;

    private final double atLeast;
    private volatile double seconds;
    private volatile double implied = Double.NaN;
    private Instant updated;

    /** Starts at the shortest stay allowed: until its reports teach one, a service's redirects are trusted. */
    UsualStay(Duration atLeast) {
        this.atLeast = atLeast.toMillis() / 1000.0;
        this.seconds = this.atLeast;
    }

    /**
     * Takes in the service's evidence, pooled over its hosts' latest reports.
     *
     * @param userSeconds the users present over the intervals those reports cover, times their length
     * @param sent        the redirects those reports should include
     * @param enough      whether they cover enough redirects to say anything
     * @param confirmed   the share of those redirects the reports confirm (the weight before the floor)
     * @param at          when the latest report arrived
     * @param intervalSeconds how long that report's interval was: the stay rises no faster than over one
     */
    void learn(double userSeconds, long sent, boolean enough, double confirmed, Instant at,
               double intervalSeconds) {
        Instant last = updated;
        updated = at;
        if (!enough || sent <= 0) {
            return;
        }
        double now = userSeconds / sent;
        implied = now;
        if (last == null) {
            // The first evidence is the first estimate: a stay may only rise from the shortest one anyway.
            seconds = Math.max(atLeast, now);
            return;
        }
        if (!at.isAfter(last)) {
            return;
        }
        double learned = seconds;
        double dt = Duration.between(last, at).toMillis() / 1000.0;
        double gain;
        if (now >= learned) {
            gain = -Math.expm1(-dt / Math.max(learned, intervalSeconds));
        } else if (confirmed >= CONFIRMED_TO_FALL) {
            gain = -Math.expm1(-dt / (FALL_STAYS * learned));
        } else {
            return;
        }
        seconds = Math.max(atLeast, learned + gain * (now - learned));
    }

    /** The learned stay, in seconds: read on every redirect and pick, without a lock or an object. */
    double seconds() {
        return seconds;
    }

    /** The learned stay. */
    Duration value() {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** Whether the service's reports have covered enough redirects to teach a stay yet. */
    boolean learned() {
        return !Double.isNaN(implied);
    }

    /** The stay the latest evidence implies (NaN before there is enough): far below {@link #value()} in a flood. */
    double implied() {
        return implied;
    }
}
