package org.chatons.entraide.broker.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.closed;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;
import static org.chatons.entraide.broker.Fixtures.usersUnknown;
import static org.chatons.entraide.broker.Fixtures.withStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.registry.Host;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    final EligibilityRules rules = new EligibilityRules(Duration.ofSeconds(90), 0.85, ZoneId.of("Europe/Paris"));

    static Host observed(Member member, HostReport report, Instant at) {
        return new Host(new HostKey(member.id(), report.id()), member, report, at, 30);
    }

    final Host pad = observed(member("alpha"), host("alpha", "pad-1", "pad", 50, 100), T0);

    @Test
    void aFreshOpenHostWithRoomIsEligible() {
        assertThat(rules.assess(pad, 0, false, T0.plusSeconds(30))).isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void aReportGoesStaleExactlyWhenItReachesTheTtl() {
        assertThat(rules.assess(pad, 0, false, T0.plusSeconds(89))).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(rules.assess(pad, 0, false, T0.plusSeconds(90))).isEqualTo(Eligibility.STALE);
        assertThat(rules.timeChangesAt(pad)).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void aReportStaysFreshForAFewOfItsAgentsOwnIntervalsWithinTheBounds() {
        EligibilityRules perInterval = new EligibilityRules(
                new Staleness(3, Duration.ofSeconds(30), Duration.ofMinutes(15)), 0.85, ZoneId.of("Europe/Paris"));
        Host everyTwoMinutes = every(120);

        // An agent reporting every 2 min is not stale between two reports, nor after one lost report.
        assertThat(perInterval.staleAfter(everyTwoMinutes)).isEqualTo(Duration.ofMinutes(6));
        assertThat(perInterval.assess(everyTwoMinutes, 0, false, T0.plusSeconds(359))).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(perInterval.assess(everyTwoMinutes, 0, false, T0.plusSeconds(360))).isEqualTo(Eligibility.STALE);
        assertThat(perInterval.timeChangesAt(everyTwoMinutes)).isEqualTo(T0.plusSeconds(360));
        // One reporting every 5 s is not stale after 15 s (the lower bound), one every hour not kept for 3 h.
        assertThat(perInterval.staleAfter(every(5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(perInterval.assess(every(5), 0, false, T0.plusSeconds(29))).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(perInterval.staleAfter(every(3600))).isEqualTo(Duration.ofMinutes(15));
        assertThat(perInterval.assess(every(3600), 0, false, T0.plusSeconds(900))).isEqualTo(Eligibility.STALE);
        assertThat(perInterval.timeChangesAt(every(3600))).isEqualTo(T0.plusSeconds(900));
        assertThat(perInterval.staleAfter(every(30))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void stalenessBoundsAreChecked() {
        assertThat(new Staleness(2, Duration.ofSeconds(10), Duration.ofSeconds(10)).after(60))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(new Staleness(2, Duration.ofSeconds(10), Duration.ofSeconds(100)).after(0))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(Staleness.fixed(Duration.ofSeconds(90)).after(1)).isEqualTo(Duration.ofSeconds(90));
        assertThat(Staleness.fixed(Duration.ofSeconds(90)).after(3600)).isEqualTo(Duration.ofSeconds(90));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Staleness(0, Duration.ofSeconds(1), Duration.ofSeconds(2))).hasMessageContaining("intervals");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Staleness(3, Duration.ofSeconds(3), Duration.ofSeconds(2))).hasMessageContaining("min <= max");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Staleness(3, Duration.ZERO, Duration.ofSeconds(2))).hasMessageContaining("0 < min");
    }

    static Host every(int intervalSeconds) {
        HostReport report = host("alpha", "pad-1", "pad", 50, 100);
        return new Host(new HostKey("alpha", "pad-1"), member("alpha"), report, T0, intervalSeconds);
    }

    @Test
    void aMemberIsConfirmedUntilTheEndOfItsLastDayInParis() {
        Host lapsing = observed(member("beta", LocalDate.parse("2026-11-23")), host("beta", "p", "pad", 1, 100),
                Instant.parse("2026-11-23T22:58:00Z"));
        EligibilityRules rules = new EligibilityRules(Duration.ofHours(1), 0.85, ZoneId.of("Europe/Paris"));

        // 23:59 in Paris is still the 23rd; 00:00 in Paris is 23:00 UTC.
        assertThat(rules.assess(lapsing, 0, false, Instant.parse("2026-11-23T22:59:00Z"))).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(rules.assess(lapsing, 0, false, Instant.parse("2026-11-23T23:00:00Z"))).isEqualTo(Eligibility.UNCONFIRMED);
        assertThat(rules.timeChangesAt(lapsing)).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
    }

    @Test
    void aHostIsFullWhenTheUsersSentSinceItsReportReachTheThreshold() {
        // 50/100 reported: 34 more users make 0.84, the 35th makes 0.85.
        assertThat(rules.assess(pad, 34, false, T0)).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(rules.assess(pad, 35, false, T0)).isEqualTo(Eligibility.FULL);
    }

    @Test
    void theSoftwaresOwnLoadFigureDecidesFullness() {
        HostReport jitsi = new HostReport("v", "visio", "jitsi", "https://v.alpha.example.org/", HostStatus.UP, true,
                3, 100, 0.9, null);
        assertThat(rules.assess(observed(member("alpha"), jitsi, T0), 0, false, T0)).isEqualTo(Eligibility.FULL);
    }

    @Test
    void aHostThatCountsNoUsersIsFullOnlyOnceThisBrokerAloneFilledIt() {
        Host drop = observed(member("alpha"), usersUnknown(host("alpha", "drop", "drop", 0, 100)), T0);

        // Nothing reported: the users sent since the report are all the broker knows of.
        assertThat(rules.assess(drop, 0, false, T0)).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(rules.assess(drop, 84, false, T0)).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(rules.assess(drop, 85, false, T0)).isEqualTo(Eligibility.FULL);
    }

    @Test
    void theSoftwaresOwnLoadDecidesEvenWithoutAUserCount() {
        HostReport stressOnly = new HostReport("v", "visio", "jitsi", "https://v.alpha.example.org/", HostStatus.UP,
                true, null, 100, 0.9, null);
        Host jitsi = observed(member("alpha"), stressOnly, T0);

        assertThat(jitsi.loadKnown()).isTrue();
        assertThat(rules.assess(jitsi, 0, false, T0)).isEqualTo(Eligibility.FULL);
    }

    @Test
    void drainedDownClosedAndDegradedHostsSayWhy() {
        assertThat(rules.assess(pad, 0, true, T0)).isEqualTo(Eligibility.DRAINED);
        assertThat(rules.assess(observed(member("alpha"), withStatus(host("alpha", "p", "pad", 1, 10), HostStatus.DOWN), T0),
                0, false, T0)).isEqualTo(Eligibility.DOWN);
        assertThat(rules.assess(observed(member("alpha"), closed(host("alpha", "p", "pad", 1, 10)), T0), 0, false, T0))
                .isEqualTo(Eligibility.CLOSED);
        assertThat(rules.assess(observed(member("alpha"), withStatus(host("alpha", "p", "pad", 1, 10), HostStatus.DEGRADED), T0),
                0, false, T0)).isEqualTo(Eligibility.DEGRADED);
    }

    @Test
    void theFirstReasonWinsSoTheAnswerPointsAtWhatToFixFirst() {
        Host everythingWrong = observed(member("old", LocalDate.parse("2025-01-01")),
                closed(withStatus(host("old", "p", "pad", 100, 100), HostStatus.DOWN)), T0);

        assertThat(rules.assess(everythingWrong, 0, true, T0.plusSeconds(600))).isEqualTo(Eligibility.UNCONFIRMED);
        Host downAndClosed = observed(member("alpha"), closed(withStatus(host("alpha", "p", "pad", 100, 100), HostStatus.DOWN)), T0);
        assertThat(rules.assess(downAndClosed, 0, true, T0.plusSeconds(600))).isEqualTo(Eligibility.DRAINED);
        assertThat(rules.assess(downAndClosed, 0, false, T0.plusSeconds(600))).isEqualTo(Eligibility.STALE);
        assertThat(rules.assess(downAndClosed, 0, false, T0)).isEqualTo(Eligibility.DOWN);
    }
}
