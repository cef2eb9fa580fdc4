package org.chatons.entraide.broker.selection;

import java.util.random.RandomGenerator;

/**
 * Keeps the best of the hosts offered to it: lowest load, then largest capacity, then chance (reservoir
 * sampling over the ties, so each tied host is equally likely without keeping a list).
 */
final class Comparison {

    private final Pool pool;
    private final boolean corrected;
    private final RandomGenerator random;
    private int best = -1;
    private double bestLoad;
    private int ties;

    Comparison(Pool pool, boolean corrected, RandomGenerator random) {
        this.pool = pool;
        this.corrected = corrected;
        this.random = random;
    }

    void offer(int i) {
        double load = corrected ? pool.estimatedLoad(i) : pool.reportedLoad(i);
        if (best < 0 || load < bestLoad) {
            take(i, load);
            return;
        }
        if (load > bestLoad) {
            return;
        }
        int byCapacity = Integer.compare(pool.capacity(i), pool.capacity(best));
        if (byCapacity > 0) {
            take(i, load);
        } else if (byCapacity == 0 && random.nextInt(++ties) == 0) {
            best = i;
        }
    }

    private void take(int i, double load) {
        best = i;
        bestLoad = load;
        ties = 1;
    }

    int index() {
        return best;
    }
}
