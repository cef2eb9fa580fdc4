package org.chatons.entraide.agent.reporting;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * How hard the agent insists on one broker: retries with exponential back-off and jitter, then a circuit breaker
 * that stops calling a broker that keeps failing and tries it again after a pause.
 *
 * @param attempts      tries per report, the first included
 * @param firstBackoff  the pause before the first retry; each next one doubles, with ±50 % jitter
 * @param longestBackoff the longest pause between two tries
 * @param openFor       how long an open circuit refuses calls before letting one through
 */
public record PushPolicy(int attempts, Duration firstBackoff, Duration longestBackoff, Duration openFor) {

    /** For production: 4 tries over about 7 s, then 30 s of rest for a broker that keeps failing. */
    public static PushPolicy standard() {
        return new PushPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    RetryConfig retryConfig() {
        return RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(firstBackoff, 2.0, 0.5, longestBackoff))
                .retryExceptions(BrokerChannel.BrokerUnavailable.class)
                .failAfterMaxAttempts(false)
                .build();
    }

    CircuitBreakerConfig circuitBreakerConfig(Clock clock) {
        return CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(6)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(BrokerChannel.BrokerUnavailable.class)
                .build();
    }
}
