package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The order of the comparison: known load, lower load, larger host, then chance; whatever order hosts come in. */
class ComparisonTest {

    final SplittableRandom random = new SplittableRandom(7);

    int best(FakePool pool, boolean corrected, int brokers, int... offered) {
        Comparison comparison = new Comparison(pool, corrected, brokers, random);
        for (int i : offered) {
            comparison.offer(i);
        }
        return comparison.index();
    }

    @Test
    void nothingOfferedIsNoHost() {
        assertThat(best(FakePool.loads(0.5), true, 1)).isEqualTo(-1);
    }

    @Test
    void aKnownLoadBeatsAnUnknownOneWhicheverComesFirst() {
        FakePool pool = FakePool.loads(0.9, 0.0);
        pool.unknown[1] = true;

        assertThat(best(pool, false, 1, 0, 1)).isEqualTo(0);
        assertThat(best(pool, false, 1, 1, 0)).isEqualTo(0);
        assertThat(best(pool, true, 1, 1, 0)).isEqualTo(0);
    }

    @Test
    void betweenUnknownLoadsTheFewestUsersSentSinceTheReportWins() {
        FakePool pool = new FakePool(new double[] {0, 0}, new double[] {0.05, 0.01}, new int[] {100, 100});
        pool.unknown[0] = true;
        pool.unknown[1] = true;

        assertThat(best(pool, true, 1, 0, 1)).isEqualTo(1);
        assertThat(best(pool, true, 1, 1, 0)).isEqualTo(1);
    }

    @Test
    void theLowerLoadWinsWhicheverComesFirst() {
        FakePool pool = FakePool.loads(0.3, 0.2, 0.4);

        assertThat(best(pool, false, 1, 0, 1, 2)).isEqualTo(1);
        assertThat(best(pool, false, 1, 2, 1, 0)).isEqualTo(1);
        assertThat(best(pool, false, 1, 1, 0)).isEqualTo(1);
    }

    @Test
    void atEqualLoadTheLargerHostWinsWhicheverComesFirst() {
        FakePool pool = new FakePool(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, new int[] {100, 200});

        assertThat(best(pool, false, 1, 0, 1)).isEqualTo(1);
        assertThat(best(pool, false, 1, 1, 0)).isEqualTo(1);
    }

    @Test
    void aLargerHostDoesNotWinWithAHigherLoad() {
        FakePool pool = new FakePool(new double[] {0.5, 0.6}, new double[] {0.5, 0.6}, new int[] {100, 1000});

        assertThat(best(pool, false, 1, 0, 1)).isEqualTo(0);
    }

    @Test
    void tiedHostsAreEquallyLikelyWhateverTheirOrder() {
        FakePool pool = FakePool.loads(0.5, 0.5, 0.5);
        int[] won = new int[3];
        int trials = 6000;
        for (int k = 0; k < trials; k++) {
            won[best(pool, false, 1, 0, 1, 2)]++;
        }

        for (int count : won) {
            assertThat((double) count / trials).isCloseTo(1.0 / 3, within(0.03));
        }
    }

    @Test
    void correctedTheUsersSentSinceTheReportCountForEveryBroker() {
        // Host 0 reported 0.40 and this broker sent it 5 % of its capacity since; host 1 reported 0.50.
        FakePool pool = new FakePool(new double[] {0.40, 0.50}, new double[] {0.45, 0.50}, new int[] {100, 100});

        // One broker: 0.45 + 0.01 against 0.51. Four brokers: 0.40 + 4 x 0.05 + 0.01 = 0.61 against 0.51.
        assertThat(best(pool, true, 1, 0, 1)).isEqualTo(0);
        assertThat(best(pool, true, 4, 0, 1)).isEqualTo(1);
        assertThat(best(pool, true, 4, 1, 0)).isEqualTo(1);
        // Uncorrected, only the reports count.
        assertThat(best(pool, false, 4, 1, 0)).isEqualTo(0);
    }

    @Test
    void correctedOneMoreUserWeighsMoreOnASmallHost() {
        // Both at 0.50; one more user makes the small one 0.52 and the large one 0.501.
        FakePool pool = new FakePool(new double[] {0.50, 0.50}, new double[] {0.50, 0.50}, new int[] {50, 1000});

        assertThat(best(pool, true, 1, 0, 1)).isEqualTo(1);
        assertThat(best(pool, true, 1, 1, 0)).isEqualTo(1);
    }
}
