package org.chatons.entraide.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void percentilesPoolEverySeedAndSkipUndefinedSamples() {
        double[] a = new double[50];
        double[] b = new double[50];
        for (int i = 0; i < 50; i++) {
            a[i] = i + 1;
            b[i] = i + 51;
        }
        b[0] = Double.NaN;
        // 99 numbers 1..100 without 51: the 99th percentile by nearest rank is rank 99 = 100, the 1st is 1.
        assertThat(Summary.percentile(List.of(a, b), 0.99)).isEqualTo(100);
        assertThat(Summary.percentile(List.of(a, b), 0.01)).isEqualTo(1);
        assertThat(Summary.percentile(List.of(a, b), 0.5)).isEqualTo(50);
        assertThat(Summary.mean(new double[] {1, Double.NaN, 3})).isEqualTo(2);
    }

    @Test
    void herdsAreCountedAgainstTwiceTheFairSharePlusRoomForChance() {
        assertThat(Herds.isHerd(5, 1.0)).isFalse();
        assertThat(Herds.isHerd(6, 1.0)).isTrue();
        assertThat(Herds.isHerd(23, 10.0)).isFalse();
        assertThat(Herds.isHerd(24, 10.0)).isTrue();
    }
}
