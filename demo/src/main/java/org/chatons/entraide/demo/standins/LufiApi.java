package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.time.Clock;

/** Lufi: {@code /fullstats} counts files. */
public final class LufiApi extends FullStatsApi {

    public LufiApi() {
        super("lufi", (state, now) -> object("files", state.stored(), "deleted", state.stored() / 7, "empty", 0,
                "sum", state.stored() + state.stored() / 7, "timestamp", now), Clock.systemUTC());
    }
}
