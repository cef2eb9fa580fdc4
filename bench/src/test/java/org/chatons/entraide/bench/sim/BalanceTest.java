package org.chatons.entraide.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BalanceTest {

    @Test
    void anEvenFederationIsPerfectlyBalanced() {
        double[] u = {0.5, 0.5, 0.5, 0.5};
        assertThat(Balance.peakToMean(u, 4)).isEqualTo(1.0);
        assertThat(Balance.coefficientOfVariation(u, 4)).isEqualTo(0.0);
        assertThat(Balance.jain(u, 4)).isEqualTo(1.0);
    }

    @Test
    void knownValues() {
        // mean 0.5, max 0.8, population sd = sqrt((0.09 + 0.09 + 0.01 + 0.01) / 4) = sqrt(0.05)
        double[] u = {0.2, 0.8, 0.4, 0.6};
        assertThat(Balance.peakToMean(u, 4)).isCloseTo(1.6, within(1e-12));
        assertThat(Balance.coefficientOfVariation(u, 4)).isCloseTo(Math.sqrt(0.05) / 0.5, within(1e-12));
        // (sum)^2 / (n sum of squares) = 4 / (4 x 1.2)
        assertThat(Balance.jain(u, 4)).isCloseTo(4 / 4.8, within(1e-12));
    }

    @Test
    void jainIsOneOverOnePlusCovSquared() {
        double[] u = {0.1, 0.7, 0.3, 0.9, 0.65};
        double cov = Balance.coefficientOfVariation(u, 5);
        assertThat(Balance.jain(u, 5)).isCloseTo(1 / (1 + cov * cov), within(1e-12));
    }

    @Test
    void oneHostWithEverythingIsTheWorstCase() {
        double[] u = {1.0, 0, 0, 0};
        assertThat(Balance.peakToMean(u, 4)).isEqualTo(4.0);
        assertThat(Balance.jain(u, 4)).isEqualTo(0.25);
    }

    @Test
    void onlyTheFirstCountValuesAreLookedAtAndAnEmptyFederationIsUndefined() {
        double[] u = {0.5, 0.5, 99, 99};
        assertThat(Balance.peakToMean(u, 2)).isEqualTo(1.0);
        assertThat(Balance.peakToMean(new double[] {0, 0}, 2)).isNaN();
        assertThat(Balance.jain(new double[] {0, 0}, 2)).isNaN();
        assertThat(Balance.coefficientOfVariation(new double[] {0, 0}, 2)).isNaN();
    }
}
