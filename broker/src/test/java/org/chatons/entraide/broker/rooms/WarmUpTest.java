package org.chatons.entraide.broker.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.registry.Host;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;

/** The warm-up, read from a report alone: since when the host is up against when the report was measured. */
class WarmUpTest {

    private static final WarmUp TEN_INTERVALS = new WarmUp(10, Duration.ofMinutes(1), Duration.ofMinutes(30));
    private static final Instant MEASURED = Instant.parse("2026-12-07T10:00:00Z");

    private static Host host(Instant upSince, int intervalSeconds) {
        HostReport report = new HostReport("visio-1", "visio", "jitsi", "https://visio.alpha.example.org/",
                HostStatus.UP, true, 0, 100, null, null, MEASURED, null, upSince);
        return new Host(new HostKey("alpha", "visio-1"), Fixtures.member("alpha"), report, MEASURED, intervalSeconds);
    }

    @Test
    void theWarmUpIsTheHostsOwnIntervalsWithinTheBounds() {
        assertThat(TEN_INTERVALS.of(30)).isEqualTo(Duration.ofMinutes(5));
        assertThat(TEN_INTERVALS.of(5)).as("at least the lower bound").isEqualTo(Duration.ofMinutes(1));
        assertThat(TEN_INTERVALS.of(600)).as("at most the upper bound").isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aHostIsWarmOnceItsReportShowsItUpForTheWarmUp() {
        assertThat(TEN_INTERVALS.warm(host(MEASURED, 30))).as("up since this very measurement").isFalse();
        assertThat(TEN_INTERVALS.warm(host(MEASURED.minusSeconds(299), 30))).isFalse();
        assertThat(TEN_INTERVALS.warm(host(MEASURED.minusSeconds(300), 30))).isTrue();
        assertThat(TEN_INTERVALS.warm(host(MEASURED.minusSeconds(300), 60))).as("ten of its own intervals")
                .isFalse();
        assertThat(TEN_INTERVALS.warm(host(null, 30))).as("a report that does not say: warm, as before").isTrue();
        assertThat(WarmUp.NONE.warm(host(MEASURED, 30))).isTrue();
    }

    @Test
    void warmingHostsTakeRoomsOnlyWhenNoWarmHostCan() {
        RoomHost warm = new RoomHost(new HostKey("alpha", "visio-1"), 100, "FR", false);
        RoomHost degraded = new RoomHost(new HostKey("beta", "visio-1"), 100, "FR", true);
        RoomHost warming = new RoomHost(new HostKey("gamma", "visio-1"), 1000, "FR", false, true);
        List<RoomName> names = IntStream.range(0, 300).mapToObj(k -> new RoomName("room-" + k)).toList();

        RoomPlacement all = new RoomPlacement(List.of(warm, degraded, warming));
        assertThat(names).allSatisfy(n -> assertThat(all.place(n, null)).contains(warm));
        RoomPlacement noneUp = new RoomPlacement(List.of(degraded, warming));
        assertThat(names).as("a warm DEGRADED host before a warming one")
                .allSatisfy(n -> assertThat(noneUp.place(n, null)).contains(degraded));
        RoomPlacement restarted = new RoomPlacement(List.of(warming,
                new RoomHost(new HostKey("delta", "visio-1"), 100, "BE", true, true)));
        assertThat(names).as("every host warming: rooms still go somewhere, UP first")
                .allSatisfy(n -> assertThat(restarted.place(n, null)).contains(warming));
    }
}
