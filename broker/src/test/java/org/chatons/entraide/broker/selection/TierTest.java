package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;
import static org.chatons.entraide.broker.Fixtures.report;
import static org.chatons.entraide.broker.Fixtures.usersUnknown;
import static org.chatons.entraide.broker.selection.ScriptedDraws.drawing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.random.RandomGenerator;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.TrackedHost;
import org.junit.jupiter.api.Test;

class TierTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    final HostRegistry registry = new HostRegistry(Fixtures.counting());
    final EligibilityRules rules = new EligibilityRules(Duration.ofSeconds(90), 0.85, ZoneId.of("Europe/Paris"));

    @Test
    void theMeanLoadIsThatOfTheHostsWhoseLoadIsKnown() {
        registry.accept(member("alpha"), report("alpha", T0, host("alpha", "pad-1", "pad", 50, 100),
                usersUnknown(host("alpha", "pad-2", "pad", 0, 300))), T0);
        List<TrackedHost> hosts = registry.hosts("pad").stream()
                .sorted((a, b) -> a.host().key().host().compareTo(b.host().key().host())).toList();
        Tier tier = new Tier(hosts, registry.weightOf("pad"), rules, T0);
        Pool pool = tier.pool(T0);

        // Counted at 0, the host of unknown load would make it 0.125, and every known host look crowded.
        assertThat(pool.meanEstimatedLoad()).isCloseTo(0.5, within(1e-9));
        assertThat(pool.loadKnown(0)).isTrue();
        assertThat(pool.loadKnown(1)).isFalse();
        assertThat(pool.reportedLoad(1)).isZero();

        tier.sent(1);
        assertThat(pool.meanEstimatedLoad()).isCloseTo(0.5, within(1e-9));
        tier.sent(0);
        assertThat(pool.meanEstimatedLoad()).isCloseTo(0.51, within(1e-9));
    }

    @Test
    void withNoKnownLoadThereIsNoMean() {
        registry.accept(member("alpha"), report("alpha", T0, usersUnknown(host("alpha", "drop", "drop", 0, 50))), T0);

        Tier drops = new Tier(List.copyOf(registry.hosts("drop")), registry.weightOf("drop"), rules, T0);
        assertThat(drops.pool(T0).meanEstimatedLoad()).isNaN();
    }

    @Test
    void aHostIsDrawnInProportionToItsCapacityEndsOfItsRangeIncluded() {
        registry.accept(member("alpha"), report("alpha", T0, host("alpha", "a", "pad", 1, 100),
                host("alpha", "b", "pad", 1, 200), host("alpha", "c", "pad", 1, 700)), T0);
        List<TrackedHost> hosts = registry.hosts("pad").stream()
                .sorted((x, y) -> x.host().key().host().compareTo(y.host().key().host())).toList();
        Pool pool = new Tier(hosts, registry.weightOf("pad"), rules, T0).pool(T0);

        // Capacities 100, 200, 700: draws 0-99 are a, 100-299 b, 300-999 c.
        RandomGenerator aimed = drawing(0, 99, 100, 299, 300, 999);
        assertThat(new int[] {pool.sampleByCapacity(aimed), pool.sampleByCapacity(aimed), pool.sampleByCapacity(aimed),
            pool.sampleByCapacity(aimed), pool.sampleByCapacity(aimed), pool.sampleByCapacity(aimed)})
                .containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(pool.size()).isEqualTo(3);
        assertThat(pool.capacity(2)).isEqualTo(700);
    }

    @Test
    void usersSentLongAgoWeighLessThanUsersSentJustNowOnceTheServiceHasTaughtAStay() {
        registry.accept(member("alpha"), report("alpha", T0, host("alpha", "a", "pad", 10, 100)), T0);
        registry.accept(member("beta"), report("beta", T0, host("beta", "b", "pad", 10, 100)), T0);
        assertThat(registry.weightOf("pad").sentStaySeconds()).isInfinite();
        // 20 users sent to each, who all arrive: the reports teach the service a stay (Little's law).
        for (String m : List.of("alpha", "beta")) {
            TrackedHost t = registry.hosts("pad").stream().filter(h -> h.host().key().member().equals(m))
                    .findFirst().orElseThrow();
            for (int k = 0; k < 20; k++) {
                t.sent(T0.plusSeconds(1));
            }
        }
        registry.accept(member("alpha"), report("alpha", T0.plusSeconds(30), host("alpha", "a", "pad", 30, 100)),
                T0.plusSeconds(30));
        // Alpha's report is the service's first evidence: it teaches a stay at once (600 user-seconds over 20 sent).
        double taughtByAlpha = registry.weightOf("pad").sentStaySeconds();
        assertThat(taughtByAlpha).isCloseTo(30, within(1e-9));
        registry.accept(member("beta"), report("beta", T0.plusSeconds(31), host("beta", "b", "pad", 30, 100)),
                T0.plusSeconds(31));
        double stay = registry.weightOf("pad").sentStaySeconds();
        assertThat(stay).isFinite();
        List<TrackedHost> hosts = registry.hosts("pad").stream()
                .sorted((x, y) -> x.host().key().host().compareTo(y.host().key().host())).toList();
        for (int k = 0; k < 10; k++) {
            hosts.get(0).sent(T0.plusSeconds(40));
            hosts.get(1).sent(T0.plusSeconds(60));
        }
        Pool pool = new Tier(hosts, registry.weightOf("pad"), rules, T0.plusSeconds(60)).pool(T0.plusSeconds(60));

        // The users of each report who came through this broker leave too, since the report was measured, whereas
        // users who came directly are replaced by others who do. Alpha's 20 all count as there when it was measured
        // (no stay was known yet); beta's, measured once alpha had taught one, as likely still there by then: sent
        // at 1.5 s (the middle of their second), measured at 31 s.
        double betasThere = 20 * Math.exp(-29.5 / taughtByAlpha);
        assertThat(pool.estimatedLoad(0)).isCloseTo(0.3 - 0.2 * (1 - Math.exp(-30 / stay)) + 0.1 * Math.exp(-20 / stay),
                within(1e-9));
        assertThat(pool.estimatedLoad(1)).isCloseTo(0.4 - betasThere / 100 * (1 - Math.exp(-29 / stay)), within(1e-9));
    }
}
