package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.selection.ScriptedDraws.drawing;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** How many hosts a pick looks at, and which: on pools whose draws the test decides. */
class PowerOfChoicesTest {

    final SplittableRandom random = new SplittableRandom(11);

    static FakePool hosts(int n, double load) {
        double[] loads = new double[n];
        Arrays.fill(loads, load);
        return FakePool.loads(loads);
    }

    @Test
    void aPoolOfSixteenHostsIsScannedAndALargerOneSampled() {
        FakePool sixteen = hosts(16, 0.5);
        FakePool seventeen = hosts(17, 0.5);

        new PowerOfChoices(2, true).choose(sixteen, random);
        new PowerOfChoices(2, true).choose(seventeen, random);

        assertThat(sixteen.samples).isZero();
        assertThat(seventeen.samples).isPositive();
    }

    @Test
    void theHostsComparedAreDistinct() {
        FakePool pool = hosts(20, 0.5);
        pool.reported[3] = pool.estimated[3] = 0.6;
        pool.reported[7] = pool.estimated[7] = 0.2;
        pool.script = new int[] {3, 3, 7};

        // Host 3 drawn twice counts once: the second of the d = 2 hosts compared is host 7.
        assertThat(new PowerOfChoices(2, false).choose(pool, random)).isEqualTo(7);
        assertThat(pool.samples).isEqualTo(3);
    }

    @Test
    void afterFourDrawsPerChoiceThatFindNoRoomItDrawsAmongTheHostsAScanFinds() {
        FakePool pool = hosts(17, 0.5);
        Arrays.fill(pool.closed, true);
        pool.closed[5] = false;
        pool.closed[9] = false;
        pool.script = new int[] {0, 0, 0, 0, 5};

        // Four draws of a closed host, then a draw by capacity among 5 and 9 that lands in 9's range.
        assertThat(new PowerOfChoices(1, false).choose(pool, drawing(150))).isEqualTo(9);
        assertThat(pool.samples).isEqualTo(4);
    }

    @Test
    void whenEveryHostDrawnIsCrowdedALoneBrokerComparesThreeTimesD() {
        FakePool pool = hosts(20, 0.5);
        pool.mean = 0.1;
        pool.script = new int[] {1, 2, 3, 4, 5, 6, 7};

        new PowerOfChoices(1, true).choose(pool, random);
        assertThat(pool.samples).isEqualTo(3);

        pool.samples = 0;
        new PowerOfChoices(1, true, 4).choose(pool, random);
        assertThat(pool.samples).as("brokers that share the users: 2d").isEqualTo(2);
    }

    @Test
    void aHostExactlyAtTheMeanWithOneMoreUserIsNotCrowded() {
        FakePool pool = hosts(20, 0.5);
        pool.reported[4] = pool.estimated[4] = 0.3;
        pool.script = new int[] {2, 4};
        pool.mean = 0.5 + 1.0 / 100;

        assertThat(new PowerOfChoices(1, true).choose(pool, random)).isEqualTo(2);
        assertThat(pool.samples).isEqualTo(1);
    }

    @Test
    void aHostThatOneMoreUserWouldTakeAboveTheMeanIsCrowded() {
        FakePool pool = hosts(20, 0.5);
        pool.reported[4] = pool.estimated[4] = 0.3;
        pool.script = new int[] {2, 4};
        pool.mean = 0.505;

        // 0.50 + 0.01 is above 0.505: look further, and find host 4.
        assertThat(new PowerOfChoices(1, true).choose(pool, random)).isEqualTo(4);
        assertThat(pool.samples).isEqualTo(2);
    }
}
