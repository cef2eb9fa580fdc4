package org.chatons.entraide.broker.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.probes.software.Softwares;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;
import org.junit.jupiter.api.Test;

/**
 * Two brokers, each with its own registry, clock and redirects, fed the same reports in different orders and at
 * different moments: every name leads to the same host on both, and to the same room address.
 */
class TwoBrokersTest {

    private static final Instant SENT = Instant.parse("2026-12-07T10:00:00Z");
    private static final EligibilityRules RULES = new EligibilityRules(Duration.ofSeconds(90), 0.85,
            ZoneId.of("Europe/Paris"));
    private static final Softwares SOFTWARES = Softwares.load();

    private static HostReport jitsi(String member, String id, int users, int capacity, HostStatus status) {
        return new HostReport(id, "visio", "jitsi", "https://" + id + "." + member + ".example.org/", status,
                true, users, capacity, null, null);
    }

    private static List<Report> reports() {
        return reports(SENT, null);
    }

    /** The twelve members' reports sent at {@code sent}, and a thirteenth's big host up since newcomerUp if given. */
    private static List<Report> reports(Instant sent, Instant newcomerUp) {
        List<Report> reports = new ArrayList<>();
        if (newcomerUp != null) {
            reports.add(Fixtures.report("newcomer", sent, new HostReport("visio-1", "visio", "jitsi",
                    "https://visio-1.newcomer.example.org/", HostStatus.UP, true, 0, 2000, null, null, null, null,
                    newcomerUp)));
        }
        for (int m = 0; m < 12; m++) {
            String member = "m" + m;
            reports.add(Fixtures.report(member, sent, jitsi(member, "visio-a",
                    m % 3 == 0 ? (40 + 30 * m) * 9 / 10 : 10 * m, 40 + 30 * m, HostStatus.UP),
                    jitsi(member, "visio-b", 0, 25, m % 5 == 0 ? HostStatus.DEGRADED : HostStatus.UP),
                    jitsi(member, "visio-c", 0, 100, m % 4 == 0 ? HostStatus.DOWN : HostStatus.UP)));
        }
        return reports;
    }

    private static RoomFinder broker(long seed, Duration late, int redirectsOfItsOwn) {
        return broker(new HostRegistry(Fixtures.counting()), reports(), seed, late, redirectsOfItsOwn, WarmUp.NONE);
    }

    private static RoomFinder broker(HostRegistry registry, List<Report> sent, long seed, Duration late,
                                     int redirectsOfItsOwn, WarmUp warmUp) {
        List<Report> reports = new ArrayList<>(sent);
        Collections.shuffle(reports, new Random(seed));
        Instant arrival = reports.get(0).sentAt().plus(late);
        for (Report report : reports) {
            registry.accept(Fixtures.member(report.member()), report, arrival);
        }
        Instant now = arrival.plusSeconds(5);
        // Its own redirects since the reports, which the other broker does not know of.
        registry.hosts("visio").stream().limit(redirectsOfItsOwn).forEach(t -> IntStream.range(0, 200)
                .forEach(k -> t.sent(now)));
        return new RoomFinder(registry, RULES, Clock.fixed(now, ZoneOffset.UTC), SOFTWARES, warmUp);
    }

    @Test
    void everyNameLeadsToTheSameRoomOnBothBrokers() {
        RoomFinder first = broker(1, Duration.ZERO, 0);
        RoomFinder second = broker(2, Duration.ofSeconds(20), 10);

        int full = 0;
        for (int k = 0; k < 5_000; k++) {
            RoomName name = new RoomName("room-" + k);
            RoomFinder.Room one = first.find("visio", name, null).orElseThrow();
            RoomFinder.Room two = second.find("visio", name, null).orElseThrow();
            assertThat(two.host().host().key()).isEqualTo(one.host().host().key());
            assertThat(one.host().host().status()).isEqualTo(HostStatus.UP);
            full += one.host().host().estimatedLoad(0) >= 0.85 ? 1 : 0;
        }
        assertThat(reports().stream().flatMap(r -> r.hosts().stream()).filter(h -> h.effectiveLoad() >= 0.85))
                .as("some hosts are full by their reports").hasSize(4);
        assertThat(full).as("no room on a host full by its report").isZero();
    }

    @Test
    void aHostUpSinceJustNowTakesRoomsAfterItsWarmUpOnBothBrokersAlike() {
        WarmUp warmUp = new WarmUp(10, Duration.ofMinutes(1), Duration.ofMinutes(30));
        HostRegistry one = new HostRegistry(Fixtures.counting());
        HostRegistry two = new HostRegistry(Fixtures.counting());
        Instant later = SENT.plus(Duration.ofMinutes(5));
        List<RoomName> names = IntStream.range(0, 2_000).mapToObj(k -> new RoomName("room-" + k)).toList();

        RoomFinder first = broker(one, reports(SENT, SENT), 1, Duration.ZERO, 0, warmUp);
        RoomFinder second = broker(two, reports(SENT, SENT), 2, Duration.ofSeconds(20), 10, warmUp);
        assertThat(newcomerRooms(first, second, names)).as("up since just now: no room yet").isZero();

        RoomFinder firstLater = broker(one, reports(later.minusMillis(1), SENT), 3, Duration.ZERO, 0, warmUp);
        RoomFinder secondLater = broker(two, reports(later.minusMillis(1), SENT), 4, Duration.ofSeconds(20), 0, warmUp);
        assertThat(newcomerRooms(firstLater, secondLater, names)).as("one millisecond short of 10 x 30 s").isZero();

        RoomFinder firstWarm = broker(one, reports(later, SENT), 5, Duration.ZERO, 0, warmUp);
        RoomFinder secondWarm = broker(two, reports(later, SENT), 6, Duration.ofSeconds(20), 10, warmUp);
        // 2000 of about 5000 users of capacity: some 40 % of the names.
        assertThat(newcomerRooms(firstWarm, secondWarm, names)).isBetween(600, 1000);
    }

    /** The names whose room is on the newcomer, the same on both brokers. */
    private static int newcomerRooms(RoomFinder first, RoomFinder second, List<RoomName> names) {
        int rooms = 0;
        for (RoomName name : names) {
            RoomFinder.Room one = first.find("visio", name, null).orElseThrow();
            assertThat(second.find("visio", name, null).orElseThrow().host().host().key())
                    .isEqualTo(one.host().host().key());
            rooms += one.host().host().key().member().equals("newcomer") ? 1 : 0;
        }
        return rooms;
    }

    @Test
    void softwaresWithNamedRoomsAreKnownByService() {
        RoomFinder finder = broker(1, Duration.ZERO, 0);

        assertThat(finder.hasNamedRooms("visio")).isTrue();
        assertThat(finder.hasNamedRooms("pad")).isFalse();
        assertThat(finder.takes("visio", new RoomName("Chorale_2026"))).isTrue();
        assertThat(finder.takes("visio", new RoomName("_Chorale"))).isFalse();
        assertThat(finder.takes("pad", new RoomName("notes"))).isFalse();
    }
}
