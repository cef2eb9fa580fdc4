package org.chatons.entraide.demo.standins;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Lufi ({@code files}) and Lstu ({@code urls}): {@code /fullstats}, its counts and the time it was asked. */
class FullStatsApi extends RoutedApi {

    private final BiFunction<HostState, Long, Object> counts;

    /**
     * @param counts the answer's counts and timestamp (epoch seconds), as the software writes them
     * @param clock  the time the answers tell
     */
    FullStatsApi(String software, BiFunction<HostState, Long, Object> counts, Clock clock) {
        super(software, Set.of(), Map.of("/fullstats",
                (request, state) -> Reply.json(Json.write(counts.apply(state, clock.instant().getEpochSecond())))));
        this.counts = counts;
    }

    @Override
    public Api at(String origin, String secret, Clock clock) {
        return new FullStatsApi(software(), counts, clock);
    }
}
