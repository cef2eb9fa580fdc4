package org.chatons.entraide.bench.sim;

import java.util.random.RandomGenerator;

/**
 * The perfect-information limit, computed directly and not through the broker: every new user goes to the live
 * host whose true utilisation with that user (counting the users still joining) would be the lowest, so the peak
 * grows as little as it can; only hosts under the same full-at threshold as the broker's are considered; ties go
 * to the larger host, then to chance. No broker can do better than this greedy choice on the same arrivals and
 * departures.
 */
public final class WaterFilling {

    /** What water-filling sees: the truth. */
    public interface Hosts {
        int size();

        boolean alive(int i);

        /** Users on the host, including those still joining. */
        int users(int i);

        int capacity(int i);
    }

    private WaterFilling() {
    }

    /** The index of the host to fill, or -1 when every live host is at the threshold. */
    public static int choose(Hosts hosts, double fullAt, RandomGenerator random) {
        int best = -1;
        double bestLoad = 0;
        int ties = 0;
        for (int i = 0; i < hosts.size(); i++) {
            if (!hosts.alive(i) || (double) hosts.users(i) / hosts.capacity(i) >= fullAt) {
                continue;
            }
            double load = (double) (hosts.users(i) + 1) / hosts.capacity(i);
            if (best < 0 || load < bestLoad || (load == bestLoad && hosts.capacity(i) > hosts.capacity(best))) {
                best = i;
                bestLoad = load;
                ties = 1;
            } else if (load == bestLoad && hosts.capacity(i) == hosts.capacity(best) && random.nextInt(++ties) == 0) {
                best = i;
            }
        }
        return best;
    }
}
