package org.chatons.entraide.demo.standins;

import java.time.Clock;

/** Lufi ({@code files}) and Lstu ({@code urls}): {@code /fullstats}. */
abstract class FullStatsApi implements Api {

    private final String software;
    private final Clock clock;

    FullStatsApi(String software, Clock clock) {
        this.software = software;
        this.clock = clock;
    }

    /** The same software answering with that clock's time. */
    abstract FullStatsApi with(Clock clock);

    @Override
    public Api at(String origin, String secret, Clock clock) {
        return with(clock);
    }

    @Override
    public String software() {
        return software;
    }

    @Override
    public Reply answer(Request request, HostState state) {
        if (!request.path().equals("/fullstats")) {
            return null;
        }
        long now = clock.instant().getEpochSecond();
        return Reply.json(Json.write(counts(state, now)));
    }

    /** The answer's counts and timestamp, as the software writes them. */
    abstract Object counts(HostState state, long now);
}
