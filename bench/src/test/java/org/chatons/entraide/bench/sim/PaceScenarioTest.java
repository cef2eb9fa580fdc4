package org.chatons.entraide.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The scenarios and contenders of the pace matrix (bench/Pace): each pace is seen long enough, and compared fairly. */
class PaceScenarioTest {

    @Test
    void eachPaceIsWarmedOverThreeStaysAndMeasuredOverTwentyAndOverEnoughReports() {
        Scenario base = Scenario.standard(20, 30, 1, Sessions.EXPONENTIAL, 0.6);

        Scenario fast = base.atPace(Duration.ofSeconds(30), 5);
        assertThat(fast.meanSession()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fast.intervalSeconds()).isEqualTo(5);
        assertThat(fast.warmUp()).isEqualTo(Duration.ofSeconds(90));
        assertThat(fast.measured()).isEqualTo(Duration.ofMinutes(10));
        // Stays far shorter than the interval: twelve reports measured, whatever the stay.
        Scenario slowReports = base.atPace(Duration.ofSeconds(30), 300);
        assertThat(slowReports.measured()).isEqualTo(Duration.ofHours(1));
        assertThat(slowReports.warmUp()).isEqualTo(Duration.ofMinutes(15));
        // Bots keep the pace.
        assertThat(fast.withBots(new Bots(10, false, 0.25), true).meanSession()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void plainTwoChoicesEndsTheCountOfEveryRedirectAtTheNextReportAndHasNoDefence() {
        Contender plain = Contender.plainTwoChoices();

        assertThat(plain.counting(1).joinGrace(5)).isZero();
        assertThat(plain.counting(1).floor()).isEqualTo(1);
        assertThat(Contender.undefended(2).counting(1).joinGrace(5)).isEqualTo(Duration.ofMillis(2500));
        assertThat(Contender.brokerDefault(2).counting(1).joinGrace(300)).isEqualTo(Scenario.JOIN_GRACE);
    }

    @Test
    void theSimulatorRunsTheBrokersOwnDefaultsSoAHostReportingEveryFiveMinutesStaysFreshBetweenReports() {
        // Read from the broker's application.yml: a host is stale after three of its own intervals, 30 s to 15 min.
        assertThat(Scenario.STALENESS.after(300)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Scenario.STALENESS.after(30)).isEqualTo(Duration.ofSeconds(90));
        assertThat(Scenario.STALENESS.after(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Scenario.FULL_AT).isEqualTo(0.85);
        assertThat(Scenario.JOIN_GRACE).isEqualTo(Duration.ofSeconds(5));
        assertThat(Scenario.PER_NETWORK_WINDOW).isEqualTo(Duration.ofMinutes(1));
        assertThat(Contender.DEFAULT_CHOICES).isEqualTo(2);
    }
}
