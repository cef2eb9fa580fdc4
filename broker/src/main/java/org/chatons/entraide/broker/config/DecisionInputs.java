package org.chatons.entraide.broker.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The clock and the random generator the decision code runs on. Injected, never called inline, so tests and the
 * simulator can run the same code on a fake clock and a seeded generator.
 */
@Factory
public class DecisionInputs {

    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Thread-safe and uncontended: each request thread draws from its own generator. */
    @Singleton
    public RandomGenerator random() {
        return new PerThread();
    }

    /**
     * {@link ThreadLocalRandom} behind the interface, bounded draws included: a generator that gives only
     * {@code nextLong()} gets its bounded draws from {@link RandomGenerator}'s generic algorithms, which cost more
     * than the draws themselves.
     */
    private static final class PerThread implements RandomGenerator {

        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }

        @Override
        public long nextLong(long bound) {
            return ThreadLocalRandom.current().nextLong(bound);
        }

        @Override
        public int nextInt() {
            return ThreadLocalRandom.current().nextInt();
        }

        @Override
        public int nextInt(int bound) {
            return ThreadLocalRandom.current().nextInt(bound);
        }

        @Override
        public double nextDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }
    }
}
