package org.chatons.entraide.broker.selection;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Singleton;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.config.StartupError;

/**
 * The configured policy, made at start ({@code @Context}) so an unknown name stops the broker at once, and how
 * it prefers hosts near the person.
 */
@Factory
public class PolicyFactory {

    @Context
    public Policy policy(BrokerConfig config) {
        try {
            return Policies.byName(config.policy(), config.choices(), config.brokers());
        } catch (IllegalArgumentException e) {
            throw new StartupError("broker.policy: " + e.getMessage());
        }
    }

    @Singleton
    public NearFirst nearFirst(BrokerConfig config) {
        return new NearFirst(config.nearTolerance());
    }
}
