package org.chatons.entraide.broker.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Group links, under {@code broker.rooms.} (env {@code BROKER_ROOMS_...}): every default and its reason is in
 * {@code application.yml}, and only there.
 *
 * @param warmUpIntervals how many of its own reporting intervals a host must have been up before it takes rooms
 * @param warmUpMin       the warm-up's lower bound, whatever the interval
 * @param warmUpMax       its upper bound
 */
@ConfigurationProperties("broker.rooms")
public record RoomsConfig(int warmUpIntervals, Duration warmUpMin, Duration warmUpMax) {

    public RoomsConfig {
        if (warmUpIntervals < 0) {
            throw new StartupError("broker.rooms.warm-up-intervals: " + warmUpIntervals + " (expected: >= 0)");
        }
        if (warmUpMin == null || warmUpMin.isNegative()) {
            throw new StartupError("broker.rooms.warm-up-min: " + warmUpMin + " (expected: 0s or more)");
        }
        if (warmUpMax == null || warmUpMax.compareTo(warmUpMin) < 0) {
            throw new StartupError("broker.rooms.warm-up-max: " + warmUpMax
                    + " (expected: at least broker.rooms.warm-up-min, " + warmUpMin + ")");
        }
    }
}
