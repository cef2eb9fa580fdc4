package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.time.Clock;

/** Lufi: {@code /fullstats} counts files. */
public final class LufiApi extends FullStatsApi {

    public LufiApi() {
        this(Clock.systemUTC());
    }

    LufiApi(Clock clock) {
        super("lufi", clock);
    }

    @Override
    FullStatsApi with(Clock clock) {
        return new LufiApi(clock);
    }

    @Override
    Object counts(HostState state, long now) {
        return object("files", state.stored(), "deleted", state.stored() / 7, "empty", 0,
                "sum", state.stored() + state.stored() / 7, "timestamp", now);
    }
}
