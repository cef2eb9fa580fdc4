package org.chatons.entraide.broker.selection;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Context;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.config.StartupError;

/** The configured policy, made at start ({@code @Context}) so an unknown name stops the broker at once. */
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
}
