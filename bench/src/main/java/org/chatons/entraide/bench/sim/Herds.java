package org.chatons.entraide.bench.sim;

/**
 * A herd: a host that receives far more than its fair share of new users within one of its report intervals,
 * the signature of choices made on stale figures.
 *
 * <p>A host's fair share of an interval is the number of users sent to any host during it, times the host's
 * share of the live capacity. A herd is more than {@code 2 x fair + 3} new users: twice the fair share, plus
 * room for chance (for a Poisson count with a mean of 1 or 2, more than 5 or 7 users happens in 0.06 to 0.1 % of
 * intervals, so an even-handed random choice rarely counts as a herd).
 */
public final class Herds {

    private Herds() {
    }

    public static double limit(double fairShare) {
        return 2 * fairShare + 3;
    }

    public static boolean isHerd(int received, double fairShare) {
        return received > limit(fairShare);
    }
}
