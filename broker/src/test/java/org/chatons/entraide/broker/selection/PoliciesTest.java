package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    final SplittableRandom random = new SplittableRandom(42);

    @Test
    void powerOfTwoNeverPicksTheMostLoadedOfTwoHosts() {
        FakePool pool = FakePool.loads(0.2, 0.7);
        Policy policy = new PowerOfChoices(2, true);

        for (int k = 0; k < 200; k++) {
            assertThat(policy.choose(pool, random)).isEqualTo(0);
        }
    }

    @Test
    void powerOfChoicesSpreadsOverManyHostsInsteadOfHerding() {
        FakePool pool = FakePool.loads(new double[50]);
        Policy policy = new PowerOfChoices(2, false);

        int[] chosen = new int[50];
        for (int k = 0; k < 1000; k++) {
            chosen[policy.choose(pool, random)]++;
        }

        // Equal reported loads: ties are broken by chance, so every host gets some, none gets most.
        assertThat(Arrays.stream(chosen).min().getAsInt()).isGreaterThan(0);
        assertThat(Arrays.stream(chosen).max().getAsInt()).isLessThan(60);
    }

    @Test
    void leastLoadedOnStaleReportsHerdsEveryoneOntoOneHost() {
        FakePool pool = FakePool.loads(0.30, 0.31, 0.32, 0.33);
        Policy herding = new LeastLoaded(false);

        for (int k = 0; k < 100; k++) {
            assertThat(herding.choose(pool, random)).isEqualTo(0);
        }
    }

    @Test
    void correctedPoliciesCompareEstimatedLoad() {
        FakePool pool = new FakePool(new double[] {0.1, 0.5}, new double[] {0.6, 0.5}, new int[] {100, 100});

        assertThat(new LeastLoaded(true).choose(pool, random)).isEqualTo(1);
        assertThat(new LeastLoaded(false).choose(pool, random)).isEqualTo(0);
        assertThat(new PowerOfChoices(2, true).choose(pool, random)).isEqualTo(1);
    }

    @Test
    void correctedPoliciesWeighTheLoadEachHostWouldHaveWithTheNewUser() {
        // 10 users: 0.50 -> 0.60 with one more; 1000 users: 0.52 -> 0.521.
        FakePool pool = new FakePool(new double[] {0.50, 0.52}, new double[] {0.50, 0.52}, new int[] {10, 1000});

        assertThat(new LeastLoaded(true).choose(pool, random)).isEqualTo(1);
        assertThat(new PowerOfChoices(2, true).choose(pool, random)).isEqualTo(1);
        assertThat(new LeastLoaded(false).choose(pool, random)).isEqualTo(0);
    }

    @Test
    void aTieGoesToTheLargerHost() {
        FakePool pool = new FakePool(new double[] {0.4, 0.4}, new double[] {0.4, 0.4}, new int[] {50, 500});

        for (int k = 0; k < 50; k++) {
            assertThat(new LeastLoaded(true).choose(pool, random)).isEqualTo(1);
        }
    }

    @Test
    void largerHostsAreSampledInProportionToTheirCapacity() {
        FakePool pool = new FakePool(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, new int[] {100, 300});
        Policy single = new PowerOfChoices(1, true);

        int[] chosen = new int[2];
        for (int k = 0; k < 4000; k++) {
            chosen[single.choose(pool, random)]++;
        }

        assertThat(chosen[1] / (double) chosen[0]).isBetween(2.6, 3.4);
    }

    @Test
    void hostsThePoolNoLongerAdmitsAreNeverChosen() {
        FakePool pool = FakePool.loads(0.1, 0.2, 0.3, 0.4);
        pool.closed[0] = true;
        pool.closed[1] = true;

        for (Policy policy : new Policy[] {new PowerOfChoices(2, true), new LeastLoaded(true), new UniformRandom()}) {
            for (int k = 0; k < 100; k++) {
                assertThat(policy.choose(pool, random)).as(policy.name()).isIn(2, 3);
            }
        }
    }

    @Test
    void whenAlmostEveryHostIsFullAScanStillFindsTheLastOne() {
        double[] loads = new double[1000];
        Arrays.fill(loads, 1.0);
        loads[617] = 0.5;
        FakePool pool = FakePool.loads(loads);

        assertThat(new PowerOfChoices(2, true).choose(pool, random)).isEqualTo(617);
        assertThat(new UniformRandom().choose(pool, random)).isEqualTo(617);
    }

    @Test
    void noAdmittedHostMeansNoChoice() {
        assertThat(new PowerOfChoices(2, true).choose(FakePool.loads(1.0, 1.2), random)).isEqualTo(-1);
        assertThat(new PowerOfChoices(2, true).choose(FakePool.loads(), random)).isEqualTo(-1);
        assertThat(new LeastLoaded(true).choose(FakePool.loads(), random)).isEqualTo(-1);
        assertThat(new UniformRandom().choose(FakePool.loads(1.0), random)).isEqualTo(-1);
    }

    @Test
    void aPickSamplesAFewHostsNotAllOfThem() {
        FakePool pool = FakePool.loads(new double[10_000]);

        new PowerOfChoices(2, true).choose(pool, random);

        assertThat(pool.samples).isLessThanOrEqualTo(8);
    }

    @Test
    void whenTheFirstChoicesAreAllCrowdedCorrectedChoicesLookFurtherALoneBrokerFurthest() {
        // 90 hosts at 0.6, 10 at 0.2: the mean is 0.56. Two samples find a quiet host 19 % of the time, four 34 %,
        // six 47 %.
        double[] loads = new double[100];
        Arrays.fill(loads, 0.6);
        Arrays.fill(loads, 0, 10, 0.2);
        FakePool pool = FakePool.loads(loads);
        pool.mean = 0.56;

        int alone = 0;
        int shared = 0;
        int plain = 0;
        for (int k = 0; k < 4000; k++) {
            alone += new PowerOfChoices(2, true, 1).choose(pool, random) < 10 ? 1 : 0;
            shared += new PowerOfChoices(2, true, 4).choose(pool, random) < 10 ? 1 : 0;
            plain += new PowerOfChoices(2, false).choose(pool, random) < 10 ? 1 : 0;
        }

        assertThat(alone / 4000.0).isBetween(0.43, 0.51);
        assertThat(shared / 4000.0).isBetween(0.30, 0.38);
        assertThat(plain / 4000.0).isBetween(0.16, 0.22);
    }

    @Test
    void whenTheFirstChoicesAreBelowTheMeanNoMoreAreDrawn() {
        FakePool pool = FakePool.loads(new double[1000]);
        pool.mean = 0.5;

        for (int k = 0; k < 100; k++) {
            new PowerOfChoices(2, true).choose(pool, random);
        }

        assertThat(pool.samples).isLessThanOrEqualTo(210);
    }

    @Test
    void toldThereAreSeveralBrokersItCountsItsOwnRedirectsForEveryones() {
        // Reported 0.40 and 0.50; this broker sent 0.05 worth of users to the first. With 4 brokers sending alike,
        // the first has had about 0.20 more: 0.60 against 0.50.
        FakePool pool = new FakePool(new double[] {0.40, 0.50}, new double[] {0.45, 0.50}, new int[] {100, 100});

        assertThat(new PowerOfChoices(2, true, 1).choose(pool, random)).isEqualTo(0);
        assertThat(new PowerOfChoices(2, true, 4).choose(pool, random)).isEqualTo(1);
        assertThatThrownBy(() -> new PowerOfChoices(2, true, 0)).hasMessageContaining("brokers");
        assertThatThrownBy(() -> new LeastLoaded(true, 0)).hasMessageContaining("brokers");
    }

    @Test
    void aHostOfUnknownLoadLosesToAnyHostWhoseLoadIsKnown() {
        // The first counts no users: all that is known of it is 0.05 sent since its report, a lower bound.
        FakePool pool = new FakePool(new double[] {0, 0.8}, new double[] {0.05, 0.8}, new int[] {100, 100});
        pool.unknown[0] = true;

        for (Policy policy : new Policy[] {new PowerOfChoices(2, true), new PowerOfChoices(2, false),
                new LeastLoaded(true), new LeastLoaded(false)}) {
            for (int k = 0; k < 50; k++) {
                assertThat(policy.choose(pool, random)).as(policy.name()).isEqualTo(1);
            }
        }
    }

    @Test
    void amongHostsOfUnknownLoadTheFewestUsersSentSinceTheirReportsWin() {
        FakePool pool = new FakePool(new double[] {0, 0}, new double[] {0.3, 0.1}, new int[] {100, 100});
        pool.unknown[0] = true;
        pool.unknown[1] = true;

        assertThat(new PowerOfChoices(2, true).choose(pool, random)).isEqualTo(1);
        assertThat(new LeastLoaded(true).choose(pool, random)).isEqualTo(1);
    }

    @Test
    void hostsOfUnknownLoadStillGetTheUsersWhenOnlyTheyAreDrawn() {
        // 90 hosts count no users, 10 are at 0.5 (the mean of the known ones): a pick goes to a host of unknown
        // load when both first draws are of unknown load, 81 % of the time, against 90 % of the capacity.
        double[] loads = new double[100];
        Arrays.fill(loads, 0, 10, 0.5);
        FakePool pool = FakePool.loads(loads);
        Arrays.fill(pool.unknown, 10, 100, true);
        pool.mean = 0.5;

        int toUnknown = 0;
        for (int k = 0; k < 4000; k++) {
            toUnknown += new PowerOfChoices(2, true).choose(pool, random) >= 10 ? 1 : 0;
        }

        assertThat(toUnknown / 4000.0).isBetween(0.77, 0.85);
    }

    @Test
    void theSameSeedReplaysTheSameChoices() {
        FakePool pool = FakePool.loads(new double[100]);
        Policy policy = Policies.byName("d-choices", 2, 1);
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);

        for (int k = 0; k < 100; k++) {
            assertThat(policy.choose(pool, a)).isEqualTo(policy.choose(pool, b));
        }
    }

    @Test
    void policiesAreFoundByNameAndAnUnknownNameListsTheKnownOnes() {
        for (String name : Policies.NAMES) {
            assertThat(Policies.byName(name, 2, 1).name()).isEqualTo(name);
        }
        assertThatThrownBy(() -> Policies.byName("round-robin", 2, 1))
                .hasMessageContaining("round-robin").hasMessageContaining("d-choices");
    }
}
