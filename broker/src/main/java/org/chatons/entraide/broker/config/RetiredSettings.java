package org.chatons.entraide.broker.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import java.util.Map;

/**
 * Settings that older brokers read and this one does not: an operator who still sets one is told at start what
 * replaced it, rather than have it ignored without a word.
 */
@Context
public final class RetiredSettings {

    static final Map<String, String> REPLACED = Map.of(
            "broker.report-ttl", "hosts now go stale after broker.stale-after-intervals of their agent's own "
                    + "reporting interval, between broker.stale-after-min and broker.stale-after-max: set those");

    public RetiredSettings(Environment environment) {
        REPLACED.forEach((key, replacement) -> {
            if (environment.containsProperty(key)) {
                throw new StartupError(key + ": no longer used (" + replacement + ")");
            }
        });
    }
}
