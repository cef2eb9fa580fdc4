package org.chatons.entraide.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WaterFillingTest {

    /** Hosts held in arrays, as a test can spell them out. */
    record Arrays(int[] users, int[] capacity, boolean[] alive) implements WaterFilling.Hosts {
        @Override
        public int size() {
            return users.length;
        }

        @Override
        public boolean alive(int i) {
            return alive[i];
        }

        @Override
        public int users(int i) {
            return users[i];
        }

        @Override
        public int capacity(int i) {
            return capacity[i];
        }
    }

    final SplittableRandom random = new SplittableRandom(1);

    @Test
    void takesTheLiveHostWithTheLowestTrueUtilisation() {
        Arrays hosts = new Arrays(new int[] {30, 10, 5, 0}, new int[] {100, 50, 50, 100},
                new boolean[] {true, true, true, false});
        assertThat(WaterFilling.choose(hosts, 0.85, random)).isEqualTo(2);
    }

    @Test
    void onATieTakesTheLargerHost() {
        Arrays hosts = new Arrays(new int[] {10, 20}, new int[] {50, 100}, new boolean[] {true, true});
        assertThat(WaterFilling.choose(hosts, 0.85, random)).isEqualTo(1);
    }

    @Test
    void fillsEveryHostToTheSameLevelInProportionToCapacity() {
        int[] capacity = {50, 100, 200, 400};
        Arrays hosts = new Arrays(new int[4], capacity, new boolean[] {true, true, true, true});
        for (int k = 0; k < 375; k++) {
            hosts.users()[WaterFilling.choose(hosts, 0.85, random)]++;
        }
        // 375 users on 750 places: half of each, to within one user.
        for (int i = 0; i < 4; i++) {
            assertThat(hosts.users()[i]).isBetween(capacity[i] / 2 - 1, capacity[i] / 2 + 1);
        }
    }

    @Test
    void stopsAtTheFullThreshold() {
        Arrays hosts = new Arrays(new int[] {85, 43}, new int[] {100, 50}, new boolean[] {true, true});
        assertThat(WaterFilling.choose(hosts, 0.85, random)).isEqualTo(-1);
    }
}
