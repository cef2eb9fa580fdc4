package org.chatons.entraide.bench.sim;

import java.util.random.RandomGenerator;

/** How long a user stays on the host it was sent to. Both kinds have the same mean, so the same offered load. */
public enum Sessions {
    /** Exponential: memoryless, the textbook case. */
    EXPONENTIAL("exponential") {
        @Override
        public double sample(double meanSeconds, RandomGenerator random) {
            return -meanSeconds * Math.log(1 - random.nextDouble());
        }
    },
    /**
     * Heavy-tailed: lognormal with sigma 1.5 (median a third of the mean; one user in 14 stays more than three
     * times the mean), like pads opened for a minute beside pads kept open all day.
     */
    LOGNORMAL("lognormal (sigma 1.5)") {
        @Override
        public double sample(double meanSeconds, RandomGenerator random) {
            double mu = Math.log(meanSeconds) - SIGMA * SIGMA / 2;
            return Math.exp(mu + SIGMA * random.nextGaussian());
        }
    };

    private static final double SIGMA = 1.5;

    private final String label;

    Sessions(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A session length in seconds. */
    public abstract double sample(double meanSeconds, RandomGenerator random);
}
