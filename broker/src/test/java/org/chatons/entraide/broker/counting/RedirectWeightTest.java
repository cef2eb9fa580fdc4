package org.chatons.entraide.broker.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.chatons.entraide.broker.Fixtures;
import org.junit.jupiter.api.Test;

class RedirectWeightTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    static final Duration T = Duration.ofSeconds(30);
    /** A learned stay of 10 minutes: people assumed to leave at most as fast as if they stayed 5 minutes. */
    static final Duration STAY = Duration.ofMinutes(10);
    final CountingRules rules = Fixtures.counting();
    final RedirectWeight<String> weight = new RedirectWeight<>(rules);

    /** A host's report: it had {@code before} users, now {@code after}, and was sent {@code sent} since. */
    void report(String host, int sent, int before, int after, Instant at) {
        weight.learn(host, Fixtures.evenly(rules, sent, before, after, T, STAY), at);
    }

    @Test
    void theDeparturesBoundIsTheShareOfUsersWhoCanLeaveWithinTheInterval() {
        CountingRules.Evidence e = Fixtures.evenly(rules, 100, 120, 110, Duration.ofMinutes(5), STAY);

        // Leaving at most twice as fast as a stay of 10 minutes: at most 1 - 1/e of them within 5 minutes; and of
        // the arrivals of those 5 minutes, (1 - 1/e) / 1 at least still there at their end.
        assertThat(e.arrivedAtMost()).isCloseTo((-10 + 120 * (1 - Math.exp(-1))) / (1 - Math.exp(-1)), within(1e-9));
        assertThat(e.arrivedThere()).isCloseTo(-10 + 120 * (1 - Math.exp(-1)), within(1e-9));
        // Reports far slower than the stay: only the last 5 s of arrivals (a sixtieth of the interval) can still be
        // there, so the arrivals can have been 60 times as many as the users still there.
        assertThat(Fixtures.evenly(rules, 100, 120, 110, Duration.ofMinutes(5), Duration.ofSeconds(10)).arrivedAtMost())
                .isCloseTo((-10 + 120 * -Math.expm1(-60)) * 60, within(1e-6));
        assertThat(e.sent()).isEqualTo(100);
        assertThat(e.seconds()).isEqualTo(300);
        assertThat(Fixtures.evenly(rules, 5, 100, 0, T, STAY).arrivedAtMost()).isZero();
    }

    @Test
    void honestArrivalsAreConfirmedWhenReportsAreAsSlowAsPeopleLeaveAndAFloodStillShows() {
        Duration fiveMinutes = Duration.ofMinutes(5);
        // 100 users staying 5 minutes on average, 100 more arriving evenly over 5 minutes: expected 100 at the
        // end (100/e of the first, 100 (1 - 1/e) of the newcomers), no growth. Counting only the first ones'
        // departures allowed 86 arrivals of the 100: honest redirects looked unconfirmed.
        CountingRules.Evidence honest = Fixtures.evenly(rules, 100, 100, 100, fiveMinutes, fiveMinutes);
        CountingRules.Evidence flood = Fixtures.evenly(rules, 1000, 100, 100, fiveMinutes, fiveMinutes);

        assertThat(honest.arrivedAtMost()).isGreaterThanOrEqualTo(honest.sent());
        assertThat(honest.arrivedThere()).isGreaterThanOrEqualTo(honest.sentThere());
        assertThat(flood.arrivedThere() / flood.sentThere()).isLessThan(0.25);
    }

    @Test
    void reportsTenStaysApartSeeOnlyTheLastRedirectsAndConfirmThemWhileAFloodStillShows() {
        // People staying 30 s, sent 2 a second to a host reporting every 5 minutes: 60 there at each report, all
        // of them sent within the last minute or so. The redirects are counted by their age at the report.
        Duration stay = Duration.ofSeconds(30);
        Instant t0 = T0;
        Sends honest = new Sends();
        Sends flood = new Sends();
        for (int ms = 0; ms < 300_000; ms += 50) {
            Instant at = t0.plusMillis(ms);
            if (ms % 500 == 0) {
                honest.add(at, 30);
            }
            flood.add(at, 30);
        }
        Instant measured = t0.plusSeconds(305);
        double fastest = CountingRules.fastestStaySeconds(stay);
        Sends.Split h = honest.split(measured.minusSeconds(5), 30, Double.MAX_VALUE, measured, fastest);
        Sends.Split f = flood.split(measured.minusSeconds(5), 30, Double.MAX_VALUE, measured, fastest);
        Duration between = Duration.ofMinutes(5);

        CountingRules.Evidence sawHonest = rules.evidence(h.counted(), h.countedStillThere(), 60, 60, between, stay);
        CountingRules.Evidence sawFlood = rules.evidence(f.counted(), f.countedStillThere(), 60, 60, between, stay);

        assertThat(sawHonest.sent()).isEqualTo(600);
        // Of 600 redirects over 5 minutes, the report can see about 21: 15 s worth at the fastest departures,
        // less the 5 s of grace (each counted redirect is at least 5 s old).
        assertThat(sawHonest.sentThere()).isBetween(18.0, 25.0);
        assertThat(sawHonest.arrivedThere()).isGreaterThanOrEqualTo(sawHonest.sentThere());
        // Ten times as many redirects, the same users: a flood of nine bots for each person.
        assertThat(sawFlood.arrivedThere() / sawFlood.sentThere()).isLessThan(0.5);
    }

    @Test
    void redirectsCountInFullWhileReportsShowThemArriving() {
        report("pad-1", 40, 100, 140, T0);
        report("pad-2", 10, 50, 58, T0);

        assertThat(weight.value()).isEqualTo(1.0);
    }

    @Test
    void whenReportsShowSentUsersDidNotArriveRedirectsCountOnlyAsMuchAsTheyConfirm() {
        // 3 pads with 100 users each, 150 redirects each, and the next reports show no one more.
        for (String pad : new String[] {"pad-1", "pad-2", "pad-3"}) {
            report(pad, 150, 100, 100, T0);
        }

        double leftAtMost = 100 * -Math.expm1(-30.0 / 300);
        double stayedAtLeast = -Math.expm1(-30.0 / 300) / (30.0 / 300);
        assertThat(weight.value()).isCloseTo(3 * leftAtMost / stayedAtLeast / 450, within(1e-9))
                .isGreaterThan(rules.floor());
    }

    @Test
    void theIssuesFloodCountsAtTheFloor() {
        // 3 pads of 200 at 10 %, 150 redirects each, the next reports still 20 users: fewer than 2 could have left.
        for (String pad : new String[] {"pad-1", "pad-2", "pad-3"}) {
            report(pad, 150, 20, 20, T0);
        }

        assertThat(weight.value()).isEqualTo(rules.floor());
    }

    @Test
    void aFloodWeighsMoreThanAQuietHostAndTheFloorHolds() {
        report("quiet", 2, 100, 101, T0);
        report("flooded", 2000, 100, 100, T0);

        assertThat(weight.value()).isEqualTo(rules.floor());
    }

    @Test
    void theWeightComesBackAsSoonAsTheHostsLatestReportsShowArrivalsAgain() {
        report("pad-1", 500, 20, 20, T0);
        assertThat(weight.value()).isLessThan(0.1);

        report("pad-1", 12, 20, 32, T0.plus(T));
        // The flood's report is still one of the host's last two: it still weighs.
        assertThat(weight.value()).isLessThan(0.5);
        report("pad-1", 12, 32, 44, T0.plus(T.multipliedBy(2)));

        assertThat(weight.value()).isEqualTo(1.0);
    }

    @Test
    void aHandfulOfRedirectsProvesNothing() {
        report("pad-1", rules.minEvidence() - 1, 20, 20, T0);

        assertThat(weight.value()).isEqualTo(1.0);
    }

    @Test
    void forgottenAndSilentHostsStopSpeakingForTheService() {
        report("gone", 500, 20, 20, T0);
        weight.forget("gone");
        assertThat(weight.value()).isEqualTo(1.0);

        report("silent", 500, 20, 20, T0);
        // Silent for more than three of its intervals, once the next sweep looks.
        report("busy", 30, 100, 130, T0.plus(T.multipliedBy(RedirectWeight.MEMORY_INTERVALS))
                .plus(RedirectWeight.SWEEP_EVERY).plusSeconds(1));

        assertThat(weight.value()).isEqualTo(1.0);
    }

    @Test
    void aSurgeOfRedirectsCountsLessAtOnceBeforeAnyReportCanShowIt() {
        // Reports allow about 20 / 30 s + departures: a few users a second across the service.
        report("pad-1", 20, 100, 120, T0);
        report("pad-2", 20, 100, 120, T0);
        double confirmedRate = 2 * Fixtures.evenly(rules, 20, 100, 120, T, STAY).arrivedAtMost() / 30;
        assertThat(weight.value()).isEqualTo(1.0);

        Instant now = T0.plusSeconds(10);
        int sent = 0;
        for (int i = 0; i < 4 * confirmedRate; i++) {
            weight.sent(now);
            sent++;
        }
        assertThat(weight.value()).as("within the allowed rate").isEqualTo(1.0);
        // Up to a whole number of RESUM in that second, when the rate is summed up again.
        while (sent < 200 || sent % RedirectWeight.RESUM != 0) {
            weight.sent(now);
            sent++;
        }

        double perSecond = sent / 5.0;
        assertThat(weight.value()).isCloseTo(rules.surge() * confirmedRate / perSecond, within(1e-9));
        // Once the surge is over (the window moved on), redirects count in full again.
        weight.sent(now.plusSeconds(10));
        assertThat(weight.value()).isEqualTo(1.0);
    }
}
