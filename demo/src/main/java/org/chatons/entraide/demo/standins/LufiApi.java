package org.chatons.entraide.demo.standins;

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
}
