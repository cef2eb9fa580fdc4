package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.chatons.entraide.broker.selection.ScriptedDraws.drawing;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** What a pool that says only what it must gets from {@link Pool}'s defaults. */
class PoolDefaultsTest {

    static Pool bare(int size) {
        return new Pool() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public boolean admits(int i) {
                return true;
            }

            @Override
            public double reportedLoad(int i) {
                return 0.5;
            }

            @Override
            public double estimatedLoad(int i) {
                return 0.5;
            }

            @Override
            public int capacity(int i) {
                return 100;
            }

            @Override
            public int sampleByCapacity(RandomGenerator random) {
                return 0;
            }
        };
    }

    @Test
    void loadsAreKnownAndThereIsNoMeanUnlessThePoolSaysOtherwise() {
        assertThat(bare(2).loadKnown(1)).isTrue();
        assertThat(bare(2).meanEstimatedLoad()).isNaN();
    }

    @Test
    void aUniformDrawReachesEveryHostAlike() {
        Pool pool = bare(3);
        SplittableRandom random = new SplittableRandom(3);
        int[] drawn = new int[3];
        for (int k = 0; k < 3000; k++) {
            drawn[pool.sampleUniformly(random)]++;
        }
        for (int count : drawn) {
            assertThat(count / 3000.0).isCloseTo(1.0 / 3, within(0.05));
        }
    }

    @Test
    void theUniformPolicyTakesAnAdmittedHostOrNone() {
        FakePool pool = FakePool.loads(0.2, 0.99, 0.3);
        pool.closed[0] = true;
        pool.closed[2] = true;
        SplittableRandom random = new SplittableRandom(5);

        for (int k = 0; k < 50; k++) {
            assertThat(new UniformRandom().choose(pool, random)).isEqualTo(1);
        }
        pool.closed[1] = true;
        assertThat(new UniformRandom().choose(pool, random)).isEqualTo(-1);
        assertThat(new UniformRandom().choose(FakePool.loads(), random)).isEqualTo(-1);
    }

    @Test
    void theUniformPolicyTakesTheFirstDrawnHostWithRoomAndScansOnlyAfterEightDrawsFindNone() {
        FakePool pool = FakePool.loads(new double[10]);
        pool.closed[0] = true;
        pool.closed[1] = true;
        // Host 5 has room: taken at once, without listing the hosts with room (of which it is the fourth).
        assertThat(new UniformRandom().choose(pool, drawing(5))).isEqualTo(5);

        for (int i = 2; i < 8; i++) {
            pool.closed[i] = true;
        }
        // Eight draws of closed hosts, then one among those a scan finds (8 and 9): the second.
        assertThat(new UniformRandom().choose(pool, drawing(0, 1, 2, 3, 4, 5, 6, 7, 1))).isEqualTo(9);
    }
}
