package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.time.Clock;

/** Lstu: {@code /fullstats} counts links. */
public final class LstuApi extends FullStatsApi {

    public LstuApi() {
        this(Clock.systemUTC());
    }

    LstuApi(Clock clock) {
        super("lstu", clock);
    }

    @Override
    FullStatsApi with(Clock clock) {
        return new LstuApi(clock);
    }

    @Override
    Object counts(HostState state, long now) {
        return object("urls", state.stored(), "timestamp", now);
    }
}
