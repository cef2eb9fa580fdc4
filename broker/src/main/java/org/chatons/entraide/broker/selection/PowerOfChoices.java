package org.chatons.entraide.broker.selection;

import java.util.random.RandomGenerator;

/**
 * The power of d choices: sample d admitted hosts, larger ones more often, and take the one that would be least
 * loaded with the new user; a tie goes to the larger host, then to chance. Stays good on stale reports where
 * "least loaded of all" herds everyone onto one host (Mitzenmacher 2000; Azar et al. 1999).
 *
 * <p>Corrected, it is adaptive: when even the best of the d would rise above the pool's mean estimated load,
 * it samples more hosts, up to 2d in all (3d for a lone broker), and keeps the best of all. Most picks cost d
 * samples; those that drew only crowded hosts look further, so a host already above the level a perfect spread
 * would have rarely gets another user. With several brokers no host can get more than 2d times its share of the
 * picks, however stale the reports: the bound that keeps them from herding on the same host. A lone broker counts
 * every redirect in its estimates, so it may look further (measured in bench/, BENCHMARKS.md).
 *
 * @param choices   how many hosts to compare (d); up to 2d or 3d when corrected and the first d are all crowded
 * @param corrected compare estimated load (reported + sent since) rather than the reported load alone
 * @param brokers   how many brokers share the users: each counts only its own redirects, so they are scaled to
 *                  stand for everyone's (1: this broker alone)
 */
public record PowerOfChoices(int choices, boolean corrected, int brokers) implements Policy {

    /**
     * How far a corrected pick may look when the first d hosts are crowded, in multiples of d. A lone broker sees
     * every redirect in its estimates, so a host it favours rises at once and looking further cannot herd;
     * brokers that share the users each miss the others' redirects, and 2d bounds any host's share of picks.
     */
    private static final int FURTHER_ALONE = 3;
    private static final int FURTHER_SHARED = 2;
    /** Samples to draw before falling back to a scan, for pools where most hosts have filled up. */
    private static final int ATTEMPTS_PER_CHOICE = 4;
    /** Up to this size a scan costs less than sampling, and it never draws the same host twice. */
    private static final int SMALL_POOL = 16;

    public PowerOfChoices {
        if (choices < 1) {
            throw new IllegalArgumentException("choices: " + choices + " (expected: >= 1)");
        }
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers: " + brokers + " (expected: >= 1)");
        }
    }

    /** For one broker. */
    public PowerOfChoices(int choices, boolean corrected) {
        this(choices, corrected, 1);
    }

    @Override
    public int choose(Pool pool, RandomGenerator random) {
        int n = pool.size();
        Comparison best = new Comparison(pool, corrected, brokers, random);
        int most = corrected ? (brokers == 1 ? FURTHER_ALONE : FURTHER_SHARED) * choices : choices;
        double mean = corrected ? pool.meanEstimatedLoad() : Double.NaN;
        if (n > SMALL_POOL) {
            int[] seen = new int[most];
            int found = 0;
            for (int attempt = 0; attempt < most * ATTEMPTS_PER_CHOICE && found < most; attempt++) {
                int i = pool.sampleByCapacity(random);
                if (pool.admits(i) && !contains(seen, found, i)) {
                    seen[found++] = i;
                    best.offer(i);
                    if (found >= choices && !crowded(pool, best, mean)) {
                        break;
                    }
                }
            }
            if (found > 0) {
                return best.index();
            }
        }
        // A small pool, or one where most hosts have filled up: draw among the admitted hosts a scan finds.
        int[] admitted = Scan.admitted(pool);
        for (int k = 0; k < Math.min(most, admitted.length); k++) {
            best.offer(Scan.takeByCapacity(pool, admitted, k, random));
            if (k + 1 >= choices && !crowded(pool, best, mean)) {
                break;
            }
        }
        return best.index();
    }

    @Override
    public String name() {
        return corrected ? "d-choices" : "d-choices-uncorrected";
    }

    /** Whether the best host so far would be above the pool's mean with one more user (never when the mean is unknown). */
    private static boolean crowded(Pool pool, Comparison best, double mean) {
        return best.bestEstimated() + 1.0 / pool.capacity(best.index()) > mean;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int k = 0; k < count; k++) {
            if (values[k] == value) {
                return true;
            }
        }
        return false;
    }

    /** {@code d-choices}: corrected, the default. */
    public static final class Corrected extends PolicyMaker {
        public Corrected() {
            super("d-choices", (choices, brokers) -> new PowerOfChoices(choices, true, brokers));
        }
    }

    /** {@code d-choices-uncorrected}: on reported loads alone, a reference. */
    public static final class Uncorrected extends PolicyMaker {
        public Uncorrected() {
            super("d-choices-uncorrected", (choices, brokers) -> new PowerOfChoices(choices, false));
        }
    }
}
