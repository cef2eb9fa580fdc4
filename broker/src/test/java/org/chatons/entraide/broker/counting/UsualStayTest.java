package org.chatons.entraide.broker.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.chatons.entraide.broker.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The usual stay learned by Little's law from a service's reports: fast honest churn is learned and keeps its
 * redirects counted in full, a flood (sudden, or growing slowly) teaches nothing and is discounted.
 */
class UsualStayTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    final CountingRules rules = Fixtures.counting();
    final RedirectWeight<String> weight = new RedirectWeight<>(rules);

    /**
     * One report of each of 10 hosts, every {@code interval}: each holds {@code users}, and was sent {@code sent}
     * (of whom {@code arrived} came and as many left). Returns when the last report arrived.
     */
    Instant steady(Instant from, Duration interval, int rounds, int users, int sent, int arrived) {
        Instant at = from;
        for (int r = 0; r < rounds; r++) {
            at = at.plus(interval);
            for (int h = 0; h < 10; h++) {
                // A departure bound as the broker computes it, with the stay it has learned so far.
                weight.learn("pad-" + h, Fixtures.evenly(rules, sent, users, users, interval, weight.stay()),
                        at.plusMillis(h));
            }
        }
        return at;
    }

    @Test
    void peopleStayingHalfAMinuteAreLearnedAndTheirRedirectsCountInFull() {
        // 60 users a host, 10 arriving (and 10 leaving) every 5 s: Little's law, 60 / 2 a second = 30 s.
        steady(T0, Duration.ofSeconds(5), 200, 60, 10, 10);

        assertThat(weight.stay()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(36));
        assertThat(weight.impliedStaySeconds()).isCloseTo(30, org.assertj.core.api.Assertions.within(0.5));
        assertThat(weight.value()).isEqualTo(1.0);
    }

    @Test
    void callsOfAnHourAreLearnedTooAndAFloodOfThemIsDiscounted() {
        // 600 users a host reporting every 5 minutes, 50 arriving each time: an hour.
        Instant at = steady(T0, Duration.ofMinutes(5), 300, 600, 50, 50);
        assertThat(weight.stay()).isBetween(Duration.ofMinutes(50), Duration.ofMinutes(70));
        assertThat(weight.value()).isEqualTo(1.0);

        // Ten times as many redirects, the same users: at most a fifth of them can have arrived.
        steady(at, Duration.ofMinutes(5), 2, 600, 550, 50);
        assertThat(weight.value()).isLessThan(0.25);
    }

    @Test
    void aFloodThatGrowsSlowlyCannotTeachAShorterStay() {
        Instant at = steady(T0, Duration.ofSeconds(30), 400, 300, 10, 10);
        Duration learned = weight.stay();
        assertThat(learned).isBetween(Duration.ofMinutes(13), Duration.ofMinutes(17));

        // The bots grow by one redirect a host each round, for hours: 10 real arrivals, then 11, 12, ... sent.
        for (int extra = 1; extra <= 200; extra++) {
            at = steady(at, Duration.ofSeconds(30), 1, 300, 10 + extra, 10);
        }

        // The stay fell while the redirects were still confirmed (a bot or two per ten users), then held.
        assertThat(weight.stay()).isGreaterThan(learned.dividedBy(2));
        assertThat(weight.value()).isLessThan(0.15);
    }

    @Test
    void reportsFarSlowerThanTheStayDoNotLockInAStayAFewReportsOverstate() {
        // People staying 30 s, 10 hosts reporting every 5 minutes, 60 users each, 600 redirects a report (2 a
        // second). For two cycles of reports the users triple with no more redirects (people who came by the
        // member's own link, say), then go back: those reports imply a stay three times the real one.
        Duration fiveMinutes = Duration.ofMinutes(5);
        Instant at = steady(T0, fiveMinutes, 10, 60, 600, 600);
        Duration before = weight.stay();
        at = round(at.plus(fiveMinutes), fiveMinutes, 60, 180, 600);
        at = round(at.plus(fiveMinutes), fiveMinutes, 180, 180, 600);
        at = round(at.plus(fiveMinutes), fiveMinutes, 180, 60, 600);
        steady(at, fiveMinutes, 30, 60, 600, 600);

        // Learned at once, 90 s would have held: the reports then expect three times the users they see from the
        // latest redirects, confirm a third of them, and a stay may not fall on unconfirmed redirects.
        assertThat(before).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(36));
        assertThat(weight.stay()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(40));
        assertThat(weight.value()).isEqualTo(1.0);
    }

    /** One report of each of 10 hosts at {@code at}: from {@code before} users to {@code after}, {@code sent} sent. */
    Instant round(Instant at, Duration interval, int before, int after, int sent) {
        for (int h = 0; h < 10; h++) {
            weight.learn("pad-" + h, Fixtures.evenly(rules, sent, before, after, interval, weight.stay()),
                    at.plusMillis(h));
        }
        return at;
    }

    @Test
    void untilItHasLearnedAStayTheServiceTrustsItsRedirects() {
        assertThat(weight.stay()).isEqualTo(rules.stayAtLeast());
        steady(T0, Duration.ofSeconds(30), 1, 100, 30, 10);

        assertThat(weight.value()).isEqualTo(1.0);
    }

    @Test
    void theFirstEvidenceIsTheFirstEstimateWhicheverHostItComesFrom() {
        // One host, 60 users over 30 s, 60 sent: Little's law, 60 x 30 / 60 = 30 s, from the very first report
        // (not only once a second one arrives: a broker's first minutes, and each test, start here).
        weight.learn("pad-0", Fixtures.evenly(rules, 60, 60, 60, Duration.ofSeconds(30), weight.stay()), T0);

        assertThat(weight.impliedStaySeconds()).isCloseTo(30, org.assertj.core.api.Assertions.within(0.001));
        assertThat(weight.stay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(weight.sentStaySeconds()).isEqualTo(30.0);
    }
}
