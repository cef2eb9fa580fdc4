package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Between hosts of the same load, one its member's agent measures is preferred to one only declared in ChatonsInfos. */
class SourcePreferenceTest {

    final SplittableRandom random = new SplittableRandom(7);

    @Test
    void aMeasuredHostWinsATieWithADeclaredOneWhateverTheirOrderAndCapacity() {
        FakePool pool = new FakePool(new double[] {0.3, 0.3}, new double[] {0.3, 0.3}, new int[] {500, 100});
        pool.declared[0] = true;
        for (int k = 0; k < 200; k++) {
            Comparison comparison = new Comparison(pool, false, random);
            comparison.offer(0);
            comparison.offer(1);
            assertThat(comparison.index()).isEqualTo(1);
            Comparison reversed = new Comparison(pool, false, random);
            reversed.offer(1);
            reversed.offer(0);
            assertThat(reversed.index()).isEqualTo(1);
        }
    }

    @Test
    void aLessLoadedDeclaredHostStillWins() {
        FakePool pool = FakePool.loads(0.1, 0.3);
        pool.declared[0] = true;
        Comparison comparison = new Comparison(pool, false, random);
        comparison.offer(1);
        comparison.offer(0);
        assertThat(comparison.index()).isEqualTo(0);
    }

    @Test
    void declaredHostsOfUnknownLoadLoseToAnyMeasuredLoad() {
        FakePool pool = FakePool.loads(0.0, 0.8);
        pool.declared[0] = true;
        pool.unknown[0] = true;
        Comparison comparison = new Comparison(pool, false, random);
        comparison.offer(0);
        comparison.offer(1);
        assertThat(comparison.index()).isEqualTo(1);
    }
}
