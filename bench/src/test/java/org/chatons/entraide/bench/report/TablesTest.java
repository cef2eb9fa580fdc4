package org.chatons.entraide.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.chatons.entraide.bench.sim.Contender;
import org.chatons.entraide.bench.sim.RunResult;
import org.chatons.entraide.bench.sim.Scenario;
import org.chatons.entraide.bench.sim.Sessions;
import org.chatons.entraide.bench.sim.Summary;
import org.junit.jupiter.api.Test;

class TablesTest {

    static Summary summary(int brokers, double peakToMean, long sentAfterTtl) {
        Scenario s = Scenario.standard(50, 30, brokers, Sessions.EXPONENTIAL, 0.6)
                .withTimes(Duration.ofMinutes(1), Duration.ofMinutes(1));
        RunResult run = new RunResult(new double[] {peakToMean}, new double[] {0.02}, new double[] {0.99}, 50, 0, 50,
                0, 0.7, 100, 0, 0, sentAfterTtl, 0, 0, 0, 0, 10,
                new RunResult.Series(new double[0], new double[0], new double[0]));
        return Summary.of(s, Contender.brokerDefault(2), List.of(run));
    }

    @Test
    void targetsAreOneHundredAndThreeWithOneBrokerAndOneHundredAndSixWithFour() {
        String md = Tables.targets(List.of(summary(1, 1.029, 0), summary(1, 1.031, 0), summary(4, 1.059, 0),
                summary(4, 1.02, 1)));
        List<String> rows = md.lines().skip(2).toList();
        assertThat(rows.get(0)).contains("<= 1.03").endsWith("| yes |");
        assertThat(rows.get(1)).endsWith("| **no** |");
        assertThat(rows.get(2)).contains("<= 1.06").endsWith("| yes |");
        // A user sent after the TTL misses the target whatever the balance.
        assertThat(rows.get(3)).endsWith("| **no** |");
    }

    @Test
    void theDefaultPolicyStandsOutInTheScenarioTable() {
        assertThat(Tables.scenario(List.of(summary(1, 1.02, 0))))
                .contains("| **default: d-choices, d = 2, corrected** | 1.020 |");
    }
}
