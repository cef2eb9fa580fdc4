package org.chatons.entraide.broker.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;
import static org.chatons.entraide.broker.Fixtures.report;
import static org.chatons.entraide.broker.Fixtures.usersUnknown;
import static org.chatons.entraide.broker.Fixtures.withStatus;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;

/** Every host of a service judged at one instant, as the API, the pages and the metrics show them. */
class FederationStatusTest {

    final TestClock clock = new TestClock();
    final HostRegistry registry = new HostRegistry(Fixtures.counting());
    final EligibilityRules rules = new EligibilityRules(new Staleness(3, Duration.ofSeconds(30),
            Duration.ofMinutes(15)), 0.85, ZoneId.of("Europe/Paris"));
    final FederationStatus status = new FederationStatus(registry, rules, clock);

    @Test
    void hostsAreListedByMemberThenIdWhateverOrderTheyCameIn() {
        registry.accept(member("beta"), report("beta", clock.instant(), host("beta", "pad-1", "pad", 1, 10)),
                clock.instant());
        registry.accept(member("alpha"), report("alpha", clock.instant(), host("alpha", "pad-2", "pad", 1, 10),
                host("alpha", "pad-10", "pad", 1, 10), host("alpha", "pad-1", "pad", 1, 10)), clock.instant());

        assertThat(status.service("pad").hosts()).extracting(h -> h.host().key().toString())
                .containsExactly("alpha/pad-1", "alpha/pad-10", "alpha/pad-2", "beta/pad-1");
    }

    @Test
    void degradedHostsAreEligibleOnlyWhileTheServiceHasNoEligibleOne() {
        registry.accept(member("alpha"), report("alpha", clock.instant(),
                withStatus(host("alpha", "pad-1", "pad", 1, 10), HostStatus.DEGRADED),
                host("alpha", "pad-2", "pad", 1, 10)), clock.instant());
        ServiceState both = status.service("pad");
        assertThat(both.hosts()).extracting(HostState::eligible).containsExactly(false, true);
        assertThat(both.hosts().get(0).verdict()).isEqualTo(Eligibility.DEGRADED);

        registry.replaceDrains(Set.of(new HostKey("alpha", "pad-2")));
        ServiceState fallback = status.service("pad");
        assertThat(fallback.hosts()).extracting(HostState::eligible).containsExactly(true, false);
        assertThat(fallback.hosts().get(0).verdict()).as("still says why").isEqualTo(Eligibility.DEGRADED);
        assertThat(fallback.eligibleHosts()).isEqualTo(1);
        assertThat(fallback.eligibleCapacityUsers()).isEqualTo(10);
    }

    @Test
    void hostsFullOnlyByTheUsersSentSinceTheirReportsAreEligibleOnlyOnceNoneHasRoomAsTheDispatcherSends() {
        registry.accept(member("alpha"), report("alpha", clock.instant(), host("alpha", "pad-1", "pad", 80, 100),
                host("alpha", "pad-2", "pad", 90, 100), host("alpha", "pad-3", "pad", 10, 100)), clock.instant());
        var pads = registry.hosts("pad").stream()
                .sorted((x, y) -> x.host().key().host().compareTo(y.host().key().host())).toList();
        for (int k = 0; k < 5; k++) {
            pads.get(0).sent(clock.instant());
        }
        // pad-1 is full by its estimate (80 + 5), pad-2 by its report, pad-3 has room: only pad-3 takes anyone.
        assertThat(status.service("pad").hosts()).extracting(HostState::eligible).containsExactly(false, false, true);

        registry.replaceDrains(Set.of(new HostKey("alpha", "pad-3")));
        ServiceState full = status.service("pad");
        // None has room by its estimate: pad-1's report still leaves it some, so it is where people go, as /go sends.
        assertThat(full.hosts()).extracting(HostState::eligible).containsExactly(true, false, false);
        assertThat(full.hosts()).extracting(HostState::verdict)
                .containsExactly(Eligibility.FULL, Eligibility.FULL, Eligibility.DRAINED);
        assertThat(full.eligibleHosts()).isEqualTo(1);
    }

    @Test
    void eachHostStateCarriesItsFiguresAtThatInstant() {
        registry.accept(member("alpha"), report("alpha", clock.instant(), 60, host("alpha", "pad-1", "pad", 20, 100)),
                clock.instant());
        registry.replaceDrains(Set.of(new HostKey("alpha", "pad-1")));
        registry.find(new HostKey("alpha", "pad-1")).orElseThrow().sent(clock.instant());
        clock.advance(Duration.ofSeconds(42));

        HostState pad = status.service("pad").hosts().get(0);

        assertThat(pad.age()).isEqualTo(Duration.ofSeconds(42));
        assertThat(pad.staleAfter()).isEqualTo(Duration.ofMinutes(3));
        assertThat(pad.drained()).isTrue();
        assertThat(pad.verdict()).isEqualTo(Eligibility.DRAINED);
        assertThat(pad.estimatedLoad()).isCloseTo(0.21, within(1e-9));
    }

    @Test
    void totalsCountFreshHostsAndTellHowManyGaveNoUserCount() {
        registry.accept(member("alpha"), report("alpha", clock.instant(), host("alpha", "drop-1", "drop", 3, 100),
                usersUnknown(host("alpha", "drop-2", "drop", 0, 50))), clock.instant());
        clock.advance(Duration.ofSeconds(60));
        registry.accept(member("beta"), report("beta", clock.instant(), host("beta", "drop-3", "drop", 7, 20),
                host("beta", "drop-5", "drop", 2, 10), usersUnknown(host("beta", "drop-4", "drop", 0, 40))),
                clock.instant());
        clock.advance(Duration.ofSeconds(40));

        // alpha's two hosts are stale (100 s > 90 s): only beta's count.
        ServiceState drop = status.service("drop");
        assertThat(drop.activeUsers()).isEqualTo(9);
        assertThat(drop.hostsWithoutUserCount()).isEqualTo(1);
        assertThat(drop.capacityUsers()).isEqualTo(70);
        assertThat(drop.eligibleCapacityUsers()).isEqualTo(70);
        assertThat(drop.hostsByVerdict()).isEqualTo(Map.of(Eligibility.STALE, 2, Eligibility.ELIGIBLE, 3));
    }
}
