package org.chatons.entraide.broker.selection;

import java.util.random.RandomGenerator;

/**
 * The least loaded admitted host of all. On uncorrected, stale reports it sends every new user to the same host
 * until the next report: kept as a reference for the simulator, not as a default.
 *
 * @param corrected compare estimated load (reported + sent since) rather than the reported load alone
 */
public record LeastLoaded(boolean corrected) implements Policy {

    @Override
    public int choose(Pool pool, RandomGenerator random) {
        Comparison best = new Comparison(pool, corrected, random);
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
}
