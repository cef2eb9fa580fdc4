package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;
import static org.chatons.entraide.broker.Fixtures.usersUnknown;
import static org.chatons.entraide.broker.selection.ScriptedDraws.drawing;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.TrackedHost;
import org.chatons.entraide.protocol.HostReport;
import org.junit.jupiter.api.Test;

/** A tier's hosts by country and language, each group with its own fullness and seen as a pool of its own. */
class RegionsTest {

    final TestClock clock = new TestClock();
    final HostRegistry registry = new HostRegistry(Fixtures.counting());
    final EligibilityRules rules = new EligibilityRules(Duration.ofSeconds(90), 0.85, ZoneId.of("Europe/Paris"));

    /** Lists French twice, as a members file may: its hosts must still count once among French speakers. */
    final Member france = member("hexagone", "FR", "fr", "fr");
    final Member belgium = member("wallonie", "BE", "fr", "nl");
    final Member switzerland = member("helvetia", "CH", "de");

    void reportNow(Member member, HostReport... hosts) {
        registry.accept(member, Fixtures.report(member.id(), clock.instant(), hosts), clock.instant());
    }

    /** The service's hosts in the order of their ids, so that a host's index in the tier is known. */
    TrackedHost[] hosts(String service) {
        return registry.hosts(service).stream()
                .sorted((a, b) -> a.host().key().host().compareTo(b.host().key().host()))
                .toArray(TrackedHost[]::new);
    }

    /** pad-1 (France, 30/200), pad-2 (France, no user count, capacity 20), pad-3 (Belgium), pad-4 (Switzerland). */
    TrackedHost[] federation() {
        reportNow(france, host("hexagone", "pad-1", "pad", 30, 200), usersUnknown(host("hexagone", "pad-2", "pad", 0, 20)));
        reportNow(belgium, host("wallonie", "pad-3", "pad", 60, 100));
        reportNow(switzerland, host("helvetia", "pad-4", "pad", 10, 100));
        return hosts("pad");
    }

    static int[] members(Group group) {
        return IntStream.range(0, group.size()).map(group::member).toArray();
    }

    @Test
    void hostsAreGroupedByTheirMembersCountryAndByEachLanguageOnce() {
        Regions regions = new Regions(federation());

        assertThat(members(regions.all())).containsExactly(0, 1, 2, 3);
        assertThat(members(regions.country("FR"))).containsExactly(0, 1);
        assertThat(members(regions.country("BE"))).containsExactly(2);
        assertThat(members(regions.language("fr"))).containsExactly(0, 1, 2);
        assertThat(members(regions.language("nl"))).containsExactly(2);
        assertThat(members(regions.language("de"))).containsExactly(3);
        // Nobody there, or no preference: no group.
        assertThat(regions.country("IT")).isNull();
        assertThat(regions.language("ja")).isNull();
        assertThat(regions.country(null)).isNull();
        assertThat(regions.language(null)).isNull();
    }

    @Test
    void aUserSentCountsOnceInEachGroupOfItsHost() {
        Regions regions = new Regions(federation());
        Group french = regions.language("fr");
        // French speakers whose load is known: pad-1 (30 of 200) and pad-3 (60 of 100).
        assertThat(french.meanLoad(1)).isCloseTo(90.0 / 300, within(1e-9));

        regions.sent(0, true);

        assertThat(french.meanLoad(1)).as("once, though its member lists French twice")
                .isCloseTo(91.0 / 300, within(1e-9));
        assertThat(regions.country("FR").meanLoad(1)).isCloseTo(31.0 / 200, within(1e-9));
        assertThat(regions.all().meanLoad(1)).isCloseTo(101.0 / 400, within(1e-9));
        assertThat(regions.language("nl").meanLoad(1)).isCloseTo(0.6, within(1e-9));
        assertThat(regions.language("de").meanLoad(1)).isCloseTo(0.1, within(1e-9));

        // A user sent to a host of unknown load changes no mean load, only the users sent over capacity.
        regions.sent(1, false);
        assertThat(french.meanLoad(1)).isCloseTo(91.0 / 300, within(1e-9));
        assertThat(french.meanSent(1)).isCloseTo(2.0 / 320, within(1e-9));
    }

    @Test
    void usersSentBeforeAGroupWasMadeCountAsMuchAsThoseSentSince() {
        reportNow(france, usersUnknown(host("hexagone", "drop-1", "drop", 0, 100)),
                usersUnknown(host("hexagone", "drop-2", "drop", 0, 300)));
        TrackedHost[] drops = hosts("drop");
        Group before = new Group(drops, new int[] {0, 1});
        for (int k = 0; k < 10; k++) {
            drops[0].sent(clock.instant());
            before.sent(false);
        }
        Group after = new Group(drops, new int[] {0, 1});

        assertThat(before.meanLoad(1)).as("no load known").isNaN();
        assertThat(before.meanSent(1)).isCloseTo(10.0 / 400, within(1e-9));
        assertThat(after.meanSent(1)).isCloseTo(10.0 / 400, within(1e-9));
        // Redirects that now stand for half a user each.
        after.sent(false);
        after.sent(false);
        assertThat(after.meanSent(0.5)).isCloseTo(11.0 / 400, within(1e-9));
    }

    @Test
    void aGroupsPoolIsItsTiersPoolSeenThroughItsHosts() {
        TrackedHost[] hosts = federation();
        for (int k = 0; k < 10; k++) {
            hosts[0].sent(clock.instant());
        }
        Tier tier = new Tier(List.of(hosts), registry.weightOf("pad"), rules, clock.instant());
        Group french = tier.regions().country("FR");
        Pool pool = french.pool(tier.pool(clock.instant()), 1.0);

        assertThat(pool.size()).isEqualTo(2);
        assertThat(pool.reportedLoad(0)).isCloseTo(0.15, within(1e-9));
        assertThat(pool.estimatedLoad(0)).as("10 users sent since").isCloseTo(0.2, within(1e-9));
        assertThat(pool.loadKnown(0)).isTrue();
        assertThat(pool.loadKnown(1)).isFalse();
        assertThat(pool.reportedLoad(1)).isZero();
        assertThat(pool.capacity(1)).isEqualTo(20);
        // The group's own level, not the tier's (110 of 400 known).
        assertThat(pool.meanEstimatedLoad()).isCloseTo(0.2, within(1e-9));

        // pad-2 fills up after the snapshot: 17 users of 20 reach 85 %.
        assertThat(pool.admits(1)).isTrue();
        for (int k = 0; k < 17; k++) {
            hosts[1].sent(clock.instant());
        }
        assertThat(pool.admits(1)).isFalse();
        assertThat(pool.admits(0)).isTrue();

        // Capacities 200 and 20: draws 0-199 are pad-1, 200-219 pad-2, as indices of the group.
        RandomGenerator aimed = drawing(0, 199, 200, 219);
        assertThat(new int[] {pool.sampleByCapacity(aimed), pool.sampleByCapacity(aimed),
            pool.sampleByCapacity(aimed), pool.sampleByCapacity(aimed)}).containsExactly(0, 0, 1, 1);
    }
}
