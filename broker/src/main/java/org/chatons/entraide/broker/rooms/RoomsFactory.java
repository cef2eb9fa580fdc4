package org.chatons.entraide.broker.rooms;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.chatons.entraide.broker.config.RoomsConfig;

/** Builds the rooms' warm-up from configuration; the rule reads none itself. */
@Factory
public class RoomsFactory {

    @Singleton
    public WarmUp warmUp(RoomsConfig config) {
        return new WarmUp(config.warmUpIntervals(), config.warmUpMin(), config.warmUpMax());
    }
}
