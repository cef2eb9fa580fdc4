package org.chatons.entraide.broker.selection;

import java.util.random.RandomGenerator;

/** Any admitted host, all equally likely, whatever their load: what a static picker does. A reference. */
public record UniformRandom() implements Policy {

    private static final int ATTEMPTS = 8;

    @Override
    public int choose(Pool pool, RandomGenerator random) {
        if (pool.size() == 0) {
            return -1;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int i = pool.sampleUniformly(random);
            if (pool.admits(i)) {
                return i;
            }
        }
        int[] admitted = Scan.admitted(pool);
        return admitted.length == 0 ? -1 : admitted[random.nextInt(admitted.length)];
    }

    @Override
    public String name() {
        return "random";
    }

    /** {@code random}. */
    public static final class Maker extends PolicyMaker {
        public Maker() {
            super("random", (choices, brokers) -> new UniformRandom());
        }
    }
}
