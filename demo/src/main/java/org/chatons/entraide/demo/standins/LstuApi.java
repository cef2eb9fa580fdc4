package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.time.Clock;

/** Lstu: {@code /fullstats} counts links. */
public final class LstuApi extends FullStatsApi {

    public LstuApi() {
        super("lstu", (state, now) -> object("urls", state.stored(), "timestamp", now), Clock.systemUTC());
    }
}
