package org.chatons.entraide.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The locality scenario, short enough for the build: the same people either way, and people sent near them. */
class LocalitySimulationTest {

    static final Scenario SMALL = Scenario.standard(20, 30, 1, Sessions.EXPONENTIAL, 0.6)
            .withTimes(Duration.ofMinutes(30), Duration.ofMinutes(40));
    static final Contender DEFAULT = Contender.brokerDefault(2);

    static Simulation run(Locality locality) {
        Simulation simulation = new Simulation(SMALL, DEFAULT, 3, locality);
        return simulation;
    }

    @Test
    void withoutPreferenceTheCountriesChangeNothingOfTheRun() {
        RunResult plain = new Simulation(SMALL, DEFAULT, 3).run();
        Simulation today = run(new Locality(Countries.standard(), false, 0.01));
        RunResult withCountries = today.run();

        assertThat(withCountries.peakToMean()).containsExactly(plain.peakToMean());
        assertThat(withCountries.sent()).isEqualTo(plain.sent());
        LocalityResult near = today.locality();
        assertThat(near.arrivals()).isEqualTo(plain.sent() + plain.turnedAway());
        // Sent home by chance: about each country's share of the capacity.
        assertThat((double) near.sentHome() / near.arrivals()).isBetween(0.2, 0.55);
    }

    @Test
    void preferringTheirCountrySendsMostPeopleHomeWithoutUnbalancingTheFederation() {
        Simulation today = run(new Locality(Countries.standard(), false, 0.01));
        Simulation near = run(new Locality(Countries.standard(), true, 0.25));
        RunResult todayBalance = today.run();
        RunResult nearBalance = near.run();
        LocalityResult todayNear = today.locality();
        LocalityResult nearNear = near.locality();

        assertThat((double) nearNear.sentHomeWithRoom() / nearNear.withRoom()).isGreaterThan(0.9);
        assertThat((double) nearNear.sentHome() / nearNear.arrivals())
                .isGreaterThan(1.5 * todayNear.sentHome() / todayNear.arrivals())
                .isLessThanOrEqualTo(nearNear.homeAtMost() + 0.03);
        assertThat(Summary.mean(nearBalance.peakToMean())).isLessThan(Summary.mean(todayBalance.peakToMean()) + 0.02);
        assertThat(nearBalance.overCapacityBelow()).isZero();
        assertThat(Arrays.stream(nearNear.regionToMean()).max().orElseThrow()).isLessThan(1.03);
    }

    @Test
    void hostsGetTheirCountriesInExactProportionsAndPeopleInTheirShares() {
        Countries countries = Countries.standard();
        int[] of = countries.assign(50, new SplittableRandom(1));
        int[] counts = new int[countries.size()];
        for (int c : of) {
            counts[c]++;
        }
        assertThat(counts).containsExactly(30, 8, 8, 4);

        int[] people = new int[countries.size()];
        SplittableRandom random = new SplittableRandom(2);
        for (int k = 0; k < 100_000; k++) {
            people[countries.origin(random)]++;
        }
        assertThat(people[0] / 100_000.0).isCloseTo(0.50, org.assertj.core.api.Assertions.within(0.01));
        assertThat(people[3] / 100_000.0).isCloseTo(0.18, org.assertj.core.api.Assertions.within(0.01));
        assertThatThrownBy(() -> new Countries(List.of(new Countries.Country("FR", 0.5, 1)), "fr"))
                .hasMessageContaining("expected: each adding up to 1");
    }
}
