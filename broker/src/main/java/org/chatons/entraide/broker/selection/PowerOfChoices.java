package org.chatons.entraide.broker.selection;

import java.util.random.RandomGenerator;

/**
 * The power of d choices: sample d admitted hosts, larger ones more often, and take the least loaded; a tie
 * goes to the larger host, then to chance. Stays good on stale reports where "least loaded of all" herds
 * everyone onto one host (Mitzenmacher 2000; Azar et al. 1999).
 *
 * @param choices   how many hosts to compare (d)
 * @param corrected compare estimated load (reported + sent since) rather than the reported load alone
 */
public record PowerOfChoices(int choices, boolean corrected) implements Policy {

    /** Samples to draw before falling back to a scan, for pools where most hosts have filled up. */
    private static final int ATTEMPTS_PER_CHOICE = 4;
    /** Up to this size a scan costs less than sampling, and it never draws the same host twice. */
    private static final int SMALL_POOL = 16;

    public PowerOfChoices {
        if (choices < 1) {
            throw new IllegalArgumentException("choices: " + choices + " (expected: >= 1)");
        }
    }

    @Override
    public int choose(Pool pool, RandomGenerator random) {
        int n = pool.size();
        Comparison best = new Comparison(pool, corrected, random);
        if (n > SMALL_POOL) {
            int[] seen = new int[choices];
            int found = 0;
            for (int attempt = 0; attempt < choices * ATTEMPTS_PER_CHOICE && found < choices; attempt++) {
                int i = pool.sampleByCapacity(random);
                if (pool.admits(i) && !contains(seen, found, i)) {
                    seen[found++] = i;
                    best.offer(i);
                }
            }
            if (found > 0) {
                return best.index();
            }
        }
        // A small pool, or one where most hosts have filled up: draw d of the admitted hosts a scan finds.
        int[] admitted = Scan.admitted(pool);
        for (int k = 0; k < Math.min(choices, admitted.length); k++) {
            best.offer(Scan.takeByCapacity(pool, admitted, k, random));
        }
        return best.index();
    }

    @Override
    public String name() {
        return corrected ? "d-choices" : "d-choices-uncorrected";
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int k = 0; k < count; k++) {
            if (values[k] == value) {
                return true;
            }
        }
        return false;
    }
}
