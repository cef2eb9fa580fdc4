package org.chatons.entraide.broker.rooms;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.chatons.entraide.broker.config.RoomsConfig;

/**
 * Builds the rooms' warm-up from configuration; the rule reads none itself. At start ({@code @Context}), so that a
 * bad setting stops the broker then, not at the first group link.
 */
@Factory
public class RoomsFactory {

    @Context
    public WarmUp warmUp(RoomsConfig config) {
        return new WarmUp(config.warmUpIntervals(), config.warmUpMin(), config.warmUpMax());
    }
}
