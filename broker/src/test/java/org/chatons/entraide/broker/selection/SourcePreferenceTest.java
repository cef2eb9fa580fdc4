package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;

import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;
import static org.chatons.entraide.broker.Fixtures.report;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.registry.HostRegistry;
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

    @Test
    void throughTheRegistryTheAgentsHostWinsWithOrWithoutAPreferenceForItsCountry() {
        TestClock clock = new TestClock();
        HostRegistry registry = new HostRegistry(Fixtures.counting());
        EligibilityRules rules = new EligibilityRules(Duration.ofSeconds(90), 0.85, ZoneId.of("Europe/Paris"));
        Member measured = member("mesure", "FR", "fr");
        Member declared = member("declare", "FR", "fr");
        Member belgium = member("wallonie", "BE", "fr");
        registry.accept(measured, report("mesure", clock.instant(), host("mesure", "pad-1", "pad", 30, 100)),
                clock.instant());
        // At the same reported load and twice the capacity: it would win the tie were sources not compared.
        assertThat(registry.acceptDeclared(declared, List.of(host("declare", "pad-2", "pad", 60, 200)),
                clock.instant(), 300)).isTrue();
        registry.accept(belgium, report("wallonie", clock.instant(), host("wallonie", "pad-3", "pad", 60, 100)),
                clock.instant());
        Dispatcher dispatcher = new Dispatcher(registry, rules, new FederationStatus(registry, rules, clock),
                new LeastLoaded(false), clock, random, PickListener.NONE, new NearFirst(0));

        for (Nearby near : List.of(Nearby.ANYWHERE, new Nearby("FR", "fr"))) {
            assertThat(((Pick.Sent) dispatcher.pick("pad", near)).host().key()).as(near.toString())
                    .hasToString("mesure/pad-1");
        }
    }
}
