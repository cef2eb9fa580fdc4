package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.closed;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;
import static org.chatons.entraide.broker.Fixtures.report;
import static org.chatons.entraide.broker.Fixtures.usersUnknown;
import static org.chatons.entraide.broker.Fixtures.withStatus;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.counting.Visit;
import org.chatons.entraide.broker.eligibility.Eligibility;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.eligibility.Staleness;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;

/** The whole decision path on a fake clock: registry, rules, cache, policy. */
class DispatcherTest {

    final TestClock clock = new TestClock();
    final HostRegistry registry = new HostRegistry(Fixtures.counting());
    final EligibilityRules rules = new EligibilityRules(Duration.ofSeconds(90), 0.85, ZoneId.of("Europe/Paris"));
    /** Reports stay fresh for 3 of their agent's intervals, between 30 s and 15 min: the defaults. */
    final EligibilityRules perIntervalRules = new EligibilityRules(
            new Staleness(3, Duration.ofSeconds(30), Duration.ofMinutes(15)), 0.85, ZoneId.of("Europe/Paris"));
    final List<Pick> heard = new ArrayList<>();
    final Dispatcher dispatcher = new Dispatcher(registry, rules, new FederationStatus(registry, rules, clock),
            new PowerOfChoices(2, true), clock, new SplittableRandom(1), heard::add);

    final Member alpha = member("alpha");
    final Member beta = member("beta");

    void reportNow(Member member, HostReport... hosts) {
        registry.accept(member, Fixtures.report(member.id(), clock.instant(), hosts), clock.instant());
    }

    String pickHost(String service) {
        Pick pick = dispatcher.pick(service);
        assertThat(pick).isInstanceOf(Pick.Sent.class);
        return ((Pick.Sent) pick).host().key().toString();
    }

    @Test
    void sendsUsersToReportedHostsAndTellsTheListener() {
        reportNow(alpha, host("alpha", "pad-1", "pad", 10, 100));

        assertThat(pickHost("pad")).isEqualTo("alpha/pad-1");
        assertThat(heard).hasSize(1);
    }

    @Test
    void usersSentSinceTheReportMakeTheHostFullButTurnNoOneAwayWhileItsReportLeavesRoom() {
        reportNow(alpha, host("alpha", "pad-1", "pad", 80, 100));

        for (int k = 0; k < 5; k++) {
            assertThat(pickHost("pad")).isEqualTo("alpha/pad-1");
        }

        // Full by its estimate (80 reported + 5 sent = full-at): its status says so...
        assertThat(registry.hosts("pad").iterator().next().estimatedLoad()).isCloseTo(0.85, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(new FederationStatus(registry, rules, clock).service("pad", clock.instant()).hostsByVerdict())
                .isEqualTo(Map.of(Eligibility.FULL, 1));
        // ...but the users sent are a guess until the next report: no one is turned away on them alone.
        assertThat(pickHost("pad")).isEqualTo("alpha/pad-1");

        clock.advance(Duration.ofSeconds(30));
        reportNow(alpha, host("alpha", "pad-1", "pad", 85, 100));
        assertThat(dispatcher.pick("pad")).isEqualTo(new Pick.NoHost("pad", Map.of(Eligibility.FULL, 1)));
    }

    @Test
    void aHostFullByItsEstimateGetsNoOneWhileAnotherHasRoomAndTheLeastFullByEstimateTakesTheOverflow() {
        reportNow(alpha, host("alpha", "pad-1", "pad", 80, 100));
        reportNow(beta, host("beta", "pad-2", "pad", 70, 100));

        Map<String, Integer> sent = new HashMap<>();
        for (int k = 0; k < 20; k++) {
            sent.merge(pickHost("pad"), 1, Integer::sum);
        }
        // Beta fills to full-at first (15 users), alpha takes 5: both full by estimate, alpha at 0.85, beta at 0.85.
        assertThat(sent).isEqualTo(Map.of("alpha/pad-1", 5, "beta/pad-2", 15));
        // Beyond, each goes to the one with the lower estimate (with the new user), the larger share of room: in turn.
        for (int k = 0; k < 10; k++) {
            sent.merge(pickHost("pad"), 1, Integer::sum);
        }
        assertThat(sent.get("alpha/pad-1")).isBetween(9, 11);
        assertThat(sent.get("beta/pad-2")).isBetween(19, 21);
    }

    @Test
    void aNewReportResetsTheCorrection() {
        reportNow(alpha, host("alpha", "pad-1", "pad", 80, 100));
        for (int k = 0; k < 5; k++) {
            dispatcher.pick("pad");
        }
        clock.advance(Duration.ofSeconds(30));
        reportNow(alpha, host("alpha", "pad-1", "pad", 70, 100));

        assertThat(pickHost("pad")).isEqualTo("alpha/pad-1");
    }

    @Test
    void correctedLoadSpreadsABurstBetweenReports() {
        reportNow(alpha, host("alpha", "pad-1", "pad", 20, 100));
        reportNow(beta, host("beta", "pad-2", "pad", 20, 100));

        Map<String, Integer> sent = new HashMap<>();
        for (int k = 0; k < 60; k++) {
            sent.merge(pickHost("pad"), 1, Integer::sum);
        }

        // Both start at 0.2: each user raises the estimate of the host that got it, so they alternate.
        assertThat(sent.get("alpha/pad-1")).isBetween(29, 31);
        assertThat(sent.get("beta/pad-2")).isBetween(29, 31);
    }

    @Test
    void toldThatFourBrokersShareTheUsersItCountsEachOfItsRedirectsFourTimes() {
        // pad-1 reported 0.40, pad-2 0.50. Alone, this broker's next 10 users fill pad-1 up to pad-2's level.
        // Told there are 4 brokers (broker.brokers: 4), it takes each of its users for 4 (the others send alike):
        // after 3 of them pad-1 stands at 0.52 and the 4th user goes to pad-2; from then on they alternate.
        assertThat(firstPicks("d-choices", 1, 8)).containsOnly("alpha/pad-1");
        assertThat(firstPicks("d-choices", 4, 8)).containsExactly("alpha/pad-1", "alpha/pad-1", "alpha/pad-1",
                "beta/pad-2", "alpha/pad-1", "beta/pad-2", "alpha/pad-1", "beta/pad-2");
        assertThat(firstPicks("least-loaded", 4, 4)).containsExactly("alpha/pad-1", "alpha/pad-1", "alpha/pad-1",
                "beta/pad-2");
        // The uncorrected policies have no redirects to scale.
        assertThat(firstPicks("d-choices-uncorrected", 4, 8)).containsOnly("alpha/pad-1");
    }

    /** The first picks of a fresh broker configured with broker.policy and broker.brokers, on the same reports. */
    List<String> firstPicks(String policy, int brokers, int picks) {
        HostRegistry own = new HostRegistry(Fixtures.counting());
        Dispatcher told = new Dispatcher(own, rules, new FederationStatus(own, rules, clock),
                Policies.byName(policy, 2, brokers), clock, new SplittableRandom(1), PickListener.NONE);
        own.accept(alpha, Fixtures.report("alpha", clock.instant(),
                host("alpha", "pad-1", "pad", 40, 100)), clock.instant());
        own.accept(beta, Fixtures.report("beta", clock.instant(),
                host("beta", "pad-2", "pad", 50, 100)), clock.instant());
        List<String> chosen = new ArrayList<>();
        for (int k = 0; k < picks; k++) {
            chosen.add(((Pick.Sent) told.pick("pad")).host().key().toString());
        }
        return chosen;
    }

    @Test
    void aHostWhoseReportsStopIsDroppedWhenItsTtlPassesWithoutAnyNewEvent() {
        reportNow(alpha, host("alpha", "pad-1", "pad", 10, 100));
        clock.advance(Duration.ofSeconds(60));
        reportNow(beta, host("beta", "pad-2", "pad", 50, 100));
        pickHost("pad");

        clock.advance(Duration.ofSeconds(31));

        // The candidate cache was built before alpha went stale; the passing of time alone must invalidate it.
        for (int k = 0; k < 20; k++) {
            assertThat(pickHost("pad")).isEqualTo("beta/pad-2");
        }
        clock.advance(Duration.ofSeconds(60));
        assertThat(dispatcher.pick("pad")).isEqualTo(new Pick.NoHost("pad", Map.of(Eligibility.STALE, 2)));
    }

    @Test
    void eachHostGoesStaleAfterItsOwnAgentsIntervalsAndTheCacheFollows() {
        Dispatcher perInterval = new Dispatcher(registry, perIntervalRules, new FederationStatus(registry,
                perIntervalRules, clock), new PowerOfChoices(2, true), clock, new SplittableRandom(1), heard::add);
        // alpha's agent reports every 10 s (stale after 30 s), beta's every 2 min (stale after 6 min).
        registry.accept(alpha, report("alpha", clock.instant(), 10, host("alpha", "pad-1", "pad", 500, 1000)),
                clock.instant());
        registry.accept(beta, report("beta", clock.instant(), 120, host("beta", "pad-2", "pad", 500, 1000)),
                clock.instant());
        // Both are candidates, and the cache is built now.
        Set<String> first = new HashSet<>();
        for (int k = 0; k < 40; k++) {
            first.add(((Pick.Sent) perInterval.pick("pad")).host().key().toString());
        }
        assertThat(first).containsExactlyInAnyOrder("alpha/pad-1", "beta/pad-2");

        clock.advance(Duration.ofSeconds(30));
        for (int k = 0; k < 20; k++) {
            assertThat(((Pick.Sent) perInterval.pick("pad")).host().key()).hasToString("beta/pad-2");
        }
        clock.advance(Duration.ofSeconds(329));
        assertThat(perInterval.pick("pad")).isInstanceOf(Pick.Sent.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(perInterval.pick("pad")).isEqualTo(new Pick.NoHost("pad", Map.of(Eligibility.STALE, 2)));
    }

    @Test
    void aRedirectCountsWholeUntilReportsShowOtherwise() {
        reportNow(alpha, host("alpha", "pad-1", "pad", 10, 100));

        assertThat(((Pick.Sent) dispatcher.pick("pad")).weight()).isEqualTo(1.0);
    }

    /** Bounded draws counted: each host a pick samples by capacity is one. */
    static final class CountedDraws implements java.util.random.RandomGenerator {
        final SplittableRandom random = new SplittableRandom(5);
        int draws;

        @Override
        public long nextLong() {
            return random.nextLong();
        }

        @Override
        public long nextLong(long bound) {
            draws++;
            return random.nextLong(bound);
        }

        @Override
        public int nextInt(int bound) {
            return random.nextInt(bound);
        }
    }

    @Test
    void requestsThatSendNoOneLeaveTheMeanLoadWhereItWas() {
        // 17 hosts at 0.50: each is above the mean (0.50) with one more user, so a lone broker's pick (d = 1)
        // compares 3 of them. Were the 30 HEAD requests below counted, the mean would be 0.5176 and a pick would
        // stop at its first host.
        List<HostReport> pads = new ArrayList<>();
        for (int k = 0; k < 17; k++) {
            pads.add(host("alpha", "pad-" + k, "pad", 50, 100));
        }
        reportNow(alpha, pads.toArray(HostReport[]::new));
        CountedDraws draws = new CountedDraws();
        Dispatcher lone = new Dispatcher(registry, rules, new FederationStatus(registry, rules, clock),
                new PowerOfChoices(1, true), clock, draws, heard::add);
        for (int k = 0; k < 30; k++) {
            assertThat(lone.pick("pad", Visit.HEAD)).isInstanceOf(Pick.Sent.class);
        }

        draws.draws = 0;
        lone.pick("pad", Visit.HEAD);
        assertThat(draws.draws).isGreaterThanOrEqualTo(3);
        assertThat(registry.hosts("pad")).allSatisfy(t -> assertThat(t.sentSinceReport()).isZero());
    }

    @Test
    void degradedHostsAreUsedOnlyWhenNoHostIsUp() {
        reportNow(alpha, withStatus(host("alpha", "pad-1", "pad", 0, 100), HostStatus.DEGRADED));
        reportNow(beta, host("beta", "pad-2", "pad", 80, 100));

        for (int k = 0; k < 5; k++) {
            assertThat(pickHost("pad")).isEqualTo("beta/pad-2");
        }
        // beta is now full: the degraded host is better than nothing.
        assertThat(pickHost("pad")).isEqualTo("alpha/pad-1");
    }

    @Test
    void drainedClosedDownAndUnconfirmedHostsGetNoOne() {
        reportNow(alpha, host("alpha", "pad-1", "pad", 0, 100), closed(host("alpha", "pad-2", "pad", 0, 100)),
                withStatus(host("alpha", "pad-3", "pad", 0, 100), HostStatus.DOWN));
        Member lapsed = member("gamma", LocalDate.parse("2026-01-31"));
        reportNow(lapsed, host("gamma", "pad-4", "pad", 0, 100));
        reportNow(beta, host("beta", "pad-5", "pad", 60, 100));

        assertThat(pickHost("pad")).isEqualTo("alpha/pad-1");
        registry.replaceDrains(Set.of(new HostKey("alpha", "pad-1")));

        for (int k = 0; k < 20; k++) {
            assertThat(pickHost("pad")).isEqualTo("beta/pad-5");
        }
        registry.replaceDrains(Set.of(new HostKey("alpha", "pad-1"), new HostKey("beta", "pad-5")));
        assertThat(dispatcher.pick("pad")).isEqualTo(new Pick.NoHost("pad", Map.of(Eligibility.DRAINED, 2,
                Eligibility.CLOSED, 1, Eligibility.DOWN, 1, Eligibility.UNCONFIRMED, 1)));
    }

    @Test
    void aHostThatCountsNoUsersGetsThemOnlyOnceTheHostsThatDoAreFull() {
        reportNow(alpha, host("alpha", "pad-1", "pad", 80, 100));
        reportNow(beta, usersUnknown(host("beta", "pad-2", "pad", 0, 100)));

        // Its estimate (0 + users sent since) is lower, but it is no measure of how busy the host is.
        for (int k = 0; k < 5; k++) {
            assertThat(pickHost("pad")).isEqualTo("alpha/pad-1");
        }
        for (int k = 0; k < 85; k++) {
            assertThat(pickHost("pad")).isEqualTo("beta/pad-2");
        }
        // Both full by their estimates. Alpha's report leaves it room, so the next goes there; beta's says nothing
        // of its users, so only the users sent count for it, and it takes no more until its next report.
        for (int k = 0; k < 5; k++) {
            assertThat(pickHost("pad")).isEqualTo("alpha/pad-1");
        }
        clock.advance(Duration.ofSeconds(30));
        reportNow(alpha, host("alpha", "pad-1", "pad", 90, 100));
        assertThat(dispatcher.pick("pad")).isEqualTo(new Pick.NoHost("pad", Map.of(Eligibility.FULL, 2)));
    }

    @Test
    void hostsThatCountNoUsersShareTheUsersByWhatWasSentSinceTheirReports() {
        reportNow(alpha, usersUnknown(host("alpha", "drop-1", "drop", 0, 100)));
        reportNow(beta, usersUnknown(host("beta", "drop-2", "drop", 0, 300)));

        Map<String, Integer> sent = new HashMap<>();
        for (int k = 0; k < 80; k++) {
            sent.merge(pickHost("drop"), 1, Integer::sum);
        }

        // Each user raises the estimate of the host that got it, by 1 / capacity: three to one.
        assertThat(sent.get("alpha/drop-1")).isBetween(19, 21);
        assertThat(sent.get("beta/drop-2")).isBetween(59, 61);
    }

    @Test
    void aServiceNobodyOffersHasNoHost() {
        assertThat(dispatcher.pick("visio")).isEqualTo(new Pick.NoHost("visio", Map.of()));
    }
}
