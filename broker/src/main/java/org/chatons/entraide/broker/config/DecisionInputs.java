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
        return () -> ThreadLocalRandom.current().nextLong();
    }
}
