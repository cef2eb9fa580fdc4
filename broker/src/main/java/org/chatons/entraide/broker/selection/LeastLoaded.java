package org.chatons.entraide.broker.selection;

import java.util.random.RandomGenerator;

/**
 * The least loaded admitted host of all. On uncorrected, stale reports it sends every new user to the same host
 * until the next report: kept as a reference for the simulator, not as a default.
 *
 * @param corrected compare estimated load (reported + sent since) rather than the reported load alone
 * @param brokers   how many brokers share the users: each counts only its own redirects, so they are scaled to
 *                  stand for everyone's (1: this broker alone)
 */
public record LeastLoaded(boolean corrected, int brokers) implements Policy {

    public LeastLoaded {
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers: " + brokers + " (expected: >= 1)");
        }
    }

    /** For one broker. */
    public LeastLoaded(boolean corrected) {
        this(corrected, 1);
    }

    @Override
    public int choose(Pool pool, RandomGenerator random) {
        Comparison best = new Comparison(pool, corrected, brokers, random);
        for (int i = 0; i < pool.size(); i++) {
            if (pool.admits(i)) {
                best.offer(i);
            }
        }
        return best.index();
    }

    @Override
    public String name() {
        return corrected ? "least-loaded" : "least-loaded-uncorrected";
    }

    /** {@code least-loaded}. */
    public static final class Corrected extends PolicyMaker {
        public Corrected() {
            super("least-loaded", (choices, brokers) -> new LeastLoaded(true, brokers));
        }
    }

    /** {@code least-loaded-uncorrected}. */
    public static final class Uncorrected extends PolicyMaker {
        public Uncorrected() {
            super("least-loaded-uncorrected", (choices, brokers) -> new LeastLoaded(false));
        }
    }
}
