package org.chatons.entraide.broker.eligibility;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.chatons.entraide.broker.config.BrokerConfig;

/** Builds the rules from configuration; the rules themselves read no configuration. */
@Factory
public class RulesFactory {

    @Singleton
    public EligibilityRules rules(BrokerConfig config) {
        return new EligibilityRules(new Staleness(config.staleAfterIntervals(), config.staleAfterMin(),
                config.staleAfterMax()), config.fullAt(), config.zone());
    }
}
