package org.chatons.entraide.broker.selection;

import java.util.random.RandomGenerator;

/**
 * Keeps the best of the hosts offered to it: a known load before an unknown one, then lowest load, then a host
 * measured by its member's agent before one only declared in ChatonsInfos, then largest capacity, then chance (reservoir sampling over the ties, so each tied host is equally likely without keeping
 * a list).
 *
 * <p>A host whose report gives no load (no user count, no figure of its own) loses to any host whose load is
 * known. Its load counts only the users sent there since its report: were that compared as a load, the host
 * would look the emptiest of all after each of its reports, and take new users until this broker alone had
 * filled it, with nothing in its next report to correct the estimate. Ranked after the known ones it still gets
 * users, fewer than its share: when the hosts drawn are all of unknown load (so all of them, in a service where
 * no software counts its users), and when the known ones are full; among themselves the fewest users sent
 * since their reports, over capacity, wins.
 *
 * <p>A corrected comparison weighs the load each host would have with the new user: one user more is 2 % of a
 * 50-user host but 0.2 % of a 500-user one, so between two hosts at nearly the same load the larger takes it and
 * the small hosts, which set the federation's peak, are not pushed over it (measured in bench/, BENCHMARKS.md).
 * With several brokers, each counts only its own redirects: {@code brokers} scales them to stand for everyone's.
 */
final class Comparison {

    private final Pool pool;
    private final boolean corrected;
    private final int brokers;
    private final RandomGenerator random;
    private int best = -1;
    private boolean bestKnown;
    private double bestLoad;
    private double bestEstimated;
    private int ties;

    Comparison(Pool pool, boolean corrected, RandomGenerator random) {
        this(pool, corrected, 1, random);
    }

    Comparison(Pool pool, boolean corrected, int brokers, RandomGenerator random) {
        this.pool = pool;
        this.corrected = corrected;
        this.brokers = brokers;
        this.random = random;
    }

    void offer(int i) {
        boolean known = pool.loadKnown(i);
        double load = pool.reportedLoad(i);
        double estimated = load;
        if (corrected) {
            estimated = pool.estimatedLoad(i);
            double sent = estimated - load;
            load += (brokers == 1 ? sent : brokers * sent) + 1.0 / pool.capacity(i);
        }
        if (best < 0 || known && !bestKnown || known == bestKnown && load < bestLoad) {
            take(i, known, load, estimated);
            return;
        }
        if (known != bestKnown || load > bestLoad) {
            return;
        }
        int bySource = Boolean.compare(pool.measured(i), pool.measured(best));
        if (bySource != 0) {
            if (bySource > 0) {
                take(i, known, load, estimated);
            }
            return;
        }
        int byCapacity = Integer.compare(pool.capacity(i), pool.capacity(best));
        if (byCapacity > 0) {
            take(i, known, load, estimated);
        } else if (byCapacity == 0 && random.nextInt(++ties) == 0) {
            best = i;
            bestEstimated = estimated;
        }
    }

    private void take(int i, boolean known, double load, double estimated) {
        best = i;
        bestKnown = known;
        bestLoad = load;
        bestEstimated = estimated;
        ties = 1;
    }

    int index() {
        return best;
    }

    /** The best host's estimated load as it was compared (its reported load when the comparison is not corrected). */
    double bestEstimated() {
        return bestEstimated;
    }
}
