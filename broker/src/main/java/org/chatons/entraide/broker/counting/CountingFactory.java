package org.chatons.entraide.broker.counting;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.config.CountingConfig;

/** Builds the counting rules and the per-network budget from configuration; they read none themselves. */
@Factory
public class CountingFactory {

    @Singleton
    public CountingRules rules(CountingConfig config, BrokerConfig broker) {
        return new CountingRules(config.joinGrace(), config.minStay(), config.weightFloor(), config.minEvidence(),
                broker.brokers(), config.surge());
    }

    @Singleton
    public NetworkBudget budget(CountingConfig config, Clock clock) {
        return new NetworkBudget(config.perNetwork(), config.perNetworkWindow(), config.maxNetworks(), clock);
    }

    @Singleton
    public NetworkKeys keys(CountingConfig config, Clock clock) {
        return new NetworkKeys(clock, config.keyRotation());
    }
}
