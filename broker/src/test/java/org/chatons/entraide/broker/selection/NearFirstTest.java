package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;
import static org.chatons.entraide.broker.Fixtures.usersUnknown;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.TrackedHost;
import org.chatons.entraide.protocol.HostReport;
import org.junit.jupiter.api.Test;

/** People near members go to them while those have room comparable to the rest, and no further. */
class NearFirstTest {

    final TestClock clock = new TestClock();
    final HostRegistry registry = new HostRegistry(Fixtures.counting());
    final EligibilityRules rules = new EligibilityRules(Duration.ofSeconds(90), 0.85, ZoneId.of("Europe/Paris"));

    final Member france = member("hexagone", "FR", "fr");
    final Member belgium = member("wallonie", "BE", "fr", "nl");
    final Member switzerland = member("helvetia", "CH", "fr", "de");

    Dispatcher dispatcher(double tolerance, long seed) {
        return new Dispatcher(registry, rules, new FederationStatus(registry, rules, clock), new PowerOfChoices(2, true),
                clock, new SplittableRandom(seed), PickListener.NONE, new NearFirst(tolerance));
    }

    void reportNow(Member member, HostReport... hosts) {
        reportNow(registry, member, hosts);
    }

    void reportNow(HostRegistry to, Member member, HostReport... hosts) {
        to.accept(member, Fixtures.report(member.id(), clock.instant(), hosts), clock.instant());
    }

    String pick(Dispatcher dispatcher, Nearby near) {
        Pick pick = dispatcher.pick("pad", near);
        assertThat(pick).isInstanceOf(Pick.Sent.class);
        return ((Pick.Sent) pick).host().member().country();
    }

    Map<String, Double> loadByCountry() {
        Map<String, double[]> sums = new HashMap<>();
        for (TrackedHost t : registry.hosts("pad")) {
            double[] s = sums.computeIfAbsent(t.host().member().country(), c -> new double[2]);
            s[0] += t.estimatedLoad() * t.host().capacity();
            s[1] += t.host().capacity();
        }
        Map<String, Double> loads = new HashMap<>();
        sums.forEach((country, s) -> loads.put(country, s[0] / s[1]));
        return loads;
    }

    double meanLoad() {
        double users = 0;
        double capacity = 0;
        for (TrackedHost t : registry.hosts("pad")) {
            users += t.estimatedLoad() * t.host().capacity();
            capacity += t.host().capacity();
        }
        return users / capacity;
    }

    @Test
    void peopleGoToTheirCountryUntilItIsAsFullAsTheRestThenWhereTheRoomIs() {
        reportNow(france, host("hexagone", "pad-1", "pad", 10, 100), host("hexagone", "pad-2", "pad", 40, 100));
        reportNow(belgium, host("wallonie", "pad-3", "pad", 20, 100));
        Dispatcher dispatcher = dispatcher(0, 1);
        Nearby fromBelgium = new Nearby("BE", "fr");

        // Belgium at 20 % against 23.3 % for all: the Belgian host, though a French one is emptier.
        List<String> first = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            first.add(pick(dispatcher, fromBelgium));
        }
        assertThat(first).containsOnly("BE");

        // From then on Belgium stays at the federation's level: no more than one user above it.
        for (int k = 0; k < 60; k++) {
            pick(dispatcher, fromBelgium);
            assertThat(loadByCountry().get("BE")).isLessThanOrEqualTo(meanLoad() + 0.01 + 1e-9);
        }
        assertThat(loadByCountry().get("FR")).isGreaterThan(0.35);
    }

    @Test
    void aRegionNobodyAsksForStillGetsTheOverflowAndThoseWithNoPreference() {
        reportNow(france, host("hexagone", "pad-1", "pad", 200, 1000));
        reportNow(belgium, host("wallonie", "pad-2", "pad", 60, 300));
        reportNow(switzerland, host("helvetia", "pad-3", "pad", 60, 300));
        Dispatcher dispatcher = dispatcher(0, 7);
        SplittableRandom people = new SplittableRandom(3);

        for (int k = 0; k < 600; k++) {
            double who = people.nextDouble();
            pick(dispatcher, who < 0.6 ? new Nearby("BE", "fr") : who < 0.9 ? new Nearby("FR", "fr") : Nearby.ANYWHERE);
        }

        // 600 users on 1600 places, 60 % of them from Belgium (300 places): every region ends near the mean,
        // Belgium not above it by more than a user, Switzerland (nobody's country) not starved.
        Map<String, Double> loads = loadByCountry();
        double mean = meanLoad();
        assertThat(mean).isCloseTo(0.2 + 600.0 / 1600, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(loads.get("BE")).isLessThanOrEqualTo(mean + 1.0 / 300 + 1e-9);
        assertThat(loads.get("CH")).isGreaterThan(mean - 0.03);
        assertThat(loads.get("FR")).isGreaterThan(mean - 0.03).isLessThan(mean + 0.03);
    }

    @Test
    void aCountryWithoutRoomOrMembersGivesWayToTheLanguageThenToAll() {
        reportNow(france, host("hexagone", "pad-1", "pad", 10, 100), host("hexagone", "pad-2", "pad", 40, 100));
        reportNow(switzerland, host("helvetia", "pad-3", "pad", 20, 100));
        Dispatcher dispatcher = dispatcher(0, 1);

        // No member in Italy: the German speakers (the Swiss member) come first while they have room.
        assertThat(pick(dispatcher, new Nearby("IT", "de"))).isEqualTo("CH");
        // A language no one speaks and a country no one is in: no preference at all, the very same choices.
        clock.advance(Duration.ofSeconds(10));
        HostRegistry twin = new HostRegistry(Fixtures.counting());
        for (HostRegistry to : List.of(registry, twin)) {
            reportNow(to, france, host("hexagone", "pad-1", "pad", 10, 100), host("hexagone", "pad-2", "pad", 40, 100));
            reportNow(to, switzerland, host("helvetia", "pad-3", "pad", 21, 100));
        }
        Dispatcher far = dispatcher(0, 5);
        Dispatcher anywhere = new Dispatcher(twin, rules, new FederationStatus(twin, rules, clock),
                new PowerOfChoices(2, true), clock, new SplittableRandom(5), PickListener.NONE, new NearFirst(0));
        for (int k = 0; k < 20; k++) {
            String one = ((Pick.Sent) far.pick("pad", new Nearby("JP", "ja"))).host().key().toString();
            String other = ((Pick.Sent) anywhere.pick("pad", Nearby.ANYWHERE)).host().key().toString();
            assertThat(one).isEqualTo(other);
        }
    }

    @Test
    void aGroupHasRoomWhileItIsNoFullerThanTheToleranceAllows() {
        reportNow(france, host("hexagone", "pad-1", "pad", 10, 100), host("hexagone", "pad-2", "pad", 40, 100));
        reportNow(belgium, host("wallonie", "pad-3", "pad", 30, 100));
        TrackedHost[] hosts = registry.hosts("pad").toArray(TrackedHost[]::new);
        int belgian = indexOf(hosts, "BE");
        Group all = new Group(hosts, new int[] {0, 1, 2});
        Group be = new Group(hosts, new int[] {belgian});

        // Belgium's room 55 % (to 85 %), everyone's 58.3 %: Belgium needs 58.3 % x (1 - margin x 58.3 %^2).
        assertThat(new NearFirst(0).hasRoom(be, all, 1.0, 0.85)).isFalse();
        assertThat(new NearFirst(0.1).hasRoom(be, all, 1.0, 0.85)).isFalse();
        assertThat(new NearFirst(0.2).hasRoom(be, all, 1.0, 0.85)).isTrue();
        // Users sent elsewhere make room, relatively.
        for (int k = 0; k < 12; k++) {
            all.sent(true);
        }
        assertThat(new NearFirst(0).hasRoom(be, all, 1.0, 0.85)).isTrue();
    }

    @Test
    void whereLoadsAreUnknownTheUsersSentSinceTheReportsCompare() {
        reportNow(france, usersUnknown(host("hexagone", "pad-1", "pad", 0, 100)));
        reportNow(belgium, usersUnknown(host("wallonie", "pad-2", "pad", 0, 100)));
        Dispatcher dispatcher = dispatcher(0, 1);

        List<String> countries = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            countries.add(pick(dispatcher, new Nearby("BE", "fr")));
        }

        // Belgium first, then every other user abroad: neither gets more than one user ahead of the other.
        assertThat(countries.get(0)).isEqualTo("BE");
        long belgian = countries.stream().filter("BE"::equals).count();
        assertThat(belgian).isBetween(10L, 11L);
    }

    @Test
    void aNearHostThatFilledUpSinceTheSnapshotIsNotChosenEvenOnItsLowReportedLoad() {
        reportNow(france, host("hexagone", "pad-1", "pad", 8, 10), host("hexagone", "pad-2", "pad", 84, 100));
        reportNow(belgium, host("wallonie", "pad-3", "pad", 84, 100));
        // On reported loads alone, pad-1 (80 %) would take every French user; one user fills it (90 % >= 85 %).
        Dispatcher dispatcher = new Dispatcher(registry, rules, new FederationStatus(registry, rules, clock),
                new LeastLoaded(false), clock, new SplittableRandom(1), PickListener.NONE, new NearFirst(0.25));
        Nearby fromFrance = new Nearby("FR", "fr", true);

        assertThat(((Pick.Sent) dispatcher.pick("pad", fromFrance)).host().key()).hasToString("hexagone/pad-1");
        assertThat(((Pick.Sent) dispatcher.pick("pad", fromFrance)).host().key()).hasToString("hexagone/pad-2");
    }

    @Test
    void aChosenCountryIsHonouredWhileOneOfItsHostsCanTakeAUserThenThePersonIsToldTheyWentElsewhere() {
        reportNow(france, host("hexagone", "pad-1", "pad", 10, 100), host("hexagone", "pad-2", "pad", 10, 100));
        reportNow(belgium, host("wallonie", "pad-3", "pad", 80, 100));
        Dispatcher dispatcher = dispatcher(0.25, 3);
        Nearby chose = new Nearby("BE", "fr", true);

        // Belgium is eight times as full as France: a browser's region would not be preferred, a choice is.
        assertThat(pick(dispatcher, new Nearby("BE", "fr"))).isEqualTo("FR");
        List<Pick.Sent> picks = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            picks.add((Pick.Sent) dispatcher.pick("pad", chose));
        }

        // 80 + 5 = 85 users: full at 85 %. The five before go to Belgium, the others elsewhere, and are told so.
        assertThat(picks).extracting(p -> p.host().member().country())
                .containsExactly("BE", "BE", "BE", "BE", "BE", "FR", "FR", "FR");
        assertThat(picks).extracting(Pick.Sent::awayFromChosen)
                .containsExactly(false, false, false, false, false, true, true, true);
    }

    @Test
    void theMarginIsAShareBetweenZeroAndOneBothIncluded() {
        assertThat(new NearFirst(0).margin()).isZero();
        assertThat(new NearFirst(1).margin()).isEqualTo(1);
        assertThatThrownBy(() -> new NearFirst(-0.01)).hasMessage("margin: -0.01 (expected: between 0 and 1)");
        assertThatThrownBy(() -> new NearFirst(1.01)).hasMessage("margin: 1.01 (expected: between 0 and 1)");
        assertThatThrownBy(() -> new NearFirst(Double.NaN)).hasMessageContaining("expected: between 0 and 1");
    }

    static int indexOf(TrackedHost[] hosts, String country) {
        for (int i = 0; i < hosts.length; i++) {
            if (hosts[i].host().member().country().equals(country)) {
                return i;
            }
        }
        throw new AssertionError(country);
    }
}
