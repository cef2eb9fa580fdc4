package org.chatons.entraide.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A small seeded scenario, short enough for the build: the qualitative results the literature predicts. */
class SimulationTest {

    static final Scenario SMALL = Scenario.standard(20, 30, 1, Sessions.EXPONENTIAL, 0.6)
            .withTimes(Duration.ofMinutes(30), Duration.ofMinutes(30));

    static RunResult run(Scenario scenario, String policy, int choices) {
        return new Simulation(scenario, new Contender(policy, policy, choices), 7).run();
    }

    @Test
    void staleLeastLoadedHerdsFarWorseThanCorrectedChoices() {
        RunResult stale = run(SMALL, "least-loaded-uncorrected", 0);
        RunResult corrected = run(SMALL, "d-choices", 2);
        double staleRatio = Summary.mean(stale.peakToMean());
        double correctedRatio = Summary.mean(corrected.peakToMean());
        assertThat(staleRatio).isGreaterThan(1.15);
        assertThat(correctedRatio).isLessThan(1.10);
        assertThat(staleRatio - 1).isGreaterThan(3 * (correctedRatio - 1));
        assertThat(stale.herds()).isGreaterThan(5 * Math.max(1, corrected.herds()));
        assertThat(Summary.mean(stale.jain())).isLessThan(Summary.mean(corrected.jain()));
    }

    @Test
    void waterFillingIsTheBestOfAll() {
        double limit = Summary.mean(run(SMALL, null, 0).peakToMean());
        assertThat(limit).isLessThan(Summary.mean(run(SMALL, "d-choices", 2).peakToMean()));
        assertThat(limit).isLessThan(Summary.mean(run(SMALL, "random", 0).peakToMean()));
    }

    @Test
    void everyContenderGetsTheSameUsersAndNoneIsSentAfterTheTtl() {
        RunResult random = run(SMALL, "random", 0);
        RunResult choices = run(SMALL, "d-choices", 2);
        RunResult limit = run(SMALL, null, 0);
        assertThat(random.sent() + random.turnedAway()).isEqualTo(choices.sent() + choices.turnedAway())
                .isEqualTo(limit.sent() + limit.turnedAway()).isPositive();
        assertThat(random.sentAfterTtl()).isZero();
        assertThat(choices.sentAfterTtl()).isZero();
        // The crash leaves a last report behind: brokers send users there until the TTL or the full threshold. A
        // handful in a run, none in some (seed 7 since the count learns each service's stay): over three seeds.
        long toDead = 0;
        for (long seed = 7; seed <= 9; seed++) {
            toDead += new Simulation(SMALL, new Contender("d-choices", "d-choices", 2), seed).run().sentToDead();
        }
        assertThat(toDead).isPositive();
        assertThat(limit.sentToDead()).isZero();
    }

    @Test
    void theSameSeedReplaysTheSameRunAndFourBrokersSplitTheUsers() {
        Scenario four = new Scenario("four", 20, 30, 4, Sessions.LOGNORMAL, 0.6, 0.1, 0.1,
                Duration.ofMinutes(20), Duration.ofMinutes(20), Bots.NONE);
        Simulation first = new Simulation(four, new Contender("d-choices", "d-choices", 2), 7);
        RunResult a = first.run();
        RunResult b = run(four, "d-choices", 2);
        assertThat(a.peakToMean()).containsExactly(b.peakToMean());
        assertThat(a.sent()).isEqualTo(b.sent());

        // People arrive at any of the four (a quarter each, drawn): each sends its share, and the shares are the run.
        Map<Integer, Long> shares = first.sentByBroker();
        assertThat(shares).containsOnlyKeys(0, 1, 2, 3);
        assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(a.sent());
        assertThat(shares.values()).allSatisfy(share -> assertThat((double) share / a.sent()).isBetween(0.15, 0.35));
        // Each deciding alone on its own counts, they still keep the hosts even.
        assertThat(Summary.mean(a.peakToMean())).isLessThan(1.10);
    }
}
