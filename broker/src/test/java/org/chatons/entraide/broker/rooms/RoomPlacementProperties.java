package org.chatons.entraide.broker.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.chatons.entraide.broker.registry.HostKey;

/** What a group link promises, over generated federations and names. */
class RoomPlacementProperties {

    @Property
    void theSameNameReachesTheSameHostWhateverTheOrderOfHosts(@ForAll("hosts") List<RoomHost> hosts,
                                                              @ForAll("names") RoomName name, @ForAll long seed) {
        List<RoomHost> shuffled = new ArrayList<>(hosts);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(new RoomPlacement(shuffled).place(name, null)).isEqualTo(new RoomPlacement(hosts).place(name, null));
    }

    @Property
    void removingAHostMovesOnlyItsRooms(@ForAll("hosts") List<RoomHost> generated, @ForAll("names") RoomName name,
                                        @ForAll @IntRange(max = 1000) int which) {
        // All ELIGIBLE: "the next host in order" is within one tier.
        List<RoomHost> hosts = generated.stream()
                .map(h -> new RoomHost(h.key(), h.capacity(), h.country(), false)).toList();
        RoomHost gone = hosts.get(which % hosts.size());
        List<RoomHost> rest = new ArrayList<>(hosts);
        rest.remove(gone);
        RoomHost before = new RoomPlacement(hosts).place(name, null).orElseThrow();

        var after = new RoomPlacement(rest).place(name, null);

        if (before.equals(gone)) {
            // Its room goes to the next host of the name's own order.
            assertThat(after).isEqualTo(rest.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(new RoomPlacement(hosts).order(name).get(1)));
        } else {
            assertThat(after).contains(before);
        }
    }

    @Property
    void aHostThatJoinsTakesRoomsOnlyForItself(@ForAll("hosts") List<RoomHost> hosts, @ForAll("names") RoomName name,
                                               @ForAll @IntRange(min = 1, max = 500) int capacity) {
        RoomHost newcomer = new RoomHost(new HostKey("new", "visio-new"), capacity, "FR", false);
        List<RoomHost> more = new ArrayList<>(hosts);
        more.add(newcomer);

        RoomHost after = new RoomPlacement(more).place(name, null).orElseThrow();

        assertThat(after).isIn(newcomer, new RoomPlacement(hosts).place(name, null).orElseThrow());
    }

    @Property
    void degradedHostsTakeRoomsOnlyWhenNoOtherCan(@ForAll("hosts") List<RoomHost> hosts,
                                                 @ForAll("names") RoomName name) {
        RoomHost placed = new RoomPlacement(hosts).place(name, null).orElseThrow();

        assertThat(placed.degraded()).isEqualTo(hosts.stream().allMatch(RoomHost::degraded));
    }

    @Property
    void aCountryInTheLinkKeepsTheRoomThereWhenItHasAHost(@ForAll("hosts") List<RoomHost> hosts,
                                                         @ForAll("names") RoomName name,
                                                         @ForAll("countries") String country) {
        RoomHost placed = new RoomPlacement(hosts).place(name, country).orElseThrow();
        boolean anyThere = hosts.stream().filter(h -> !h.degraded() || hosts.stream().allMatch(RoomHost::degraded))
                .anyMatch(h -> h.country().equals(country));

        assertThat(placed.country().equals(country)).isEqualTo(anyThere);
    }

    @Property
    void upperAndLowerCaseNamesAreOneRoom(@ForAll("hosts") List<RoomHost> hosts, @ForAll("names") RoomName name) {
        RoomPlacement placement = new RoomPlacement(hosts);

        assertThat(placement.place(new RoomName(name.value().toUpperCase()), null))
                .isEqualTo(placement.place(new RoomName(name.value().toLowerCase()), null));
    }

    @Provide
    Arbitrary<List<RoomHost>> hosts() {
        Arbitrary<RoomHost> host = Combinators.combine(Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(1, 1000), countries(), Arbitraries.of(false, false, false, true))
                .as((id, capacity, country, degraded) -> new RoomHost(new HostKey("m" + id % 7, "visio-" + id),
                        capacity, country, degraded));
        return host.list().ofMinSize(1).ofMaxSize(20).uniqueElements(RoomHost::key);
    }

    @Provide
    Arbitrary<RoomName> names() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
                .ofMinLength(1).ofMaxLength(RoomName.MAX_LENGTH).map(RoomName::new);
    }

    @Provide
    Arbitrary<String> countries() {
        return Arbitraries.of("FR", "BE", "CH");
    }

    /** Not a property: the shares of many names, in one pass, for {@link RoomPlacementTest}. */
    static int[] roomsPerHost(List<RoomHost> hosts, int names) {
        RoomPlacement placement = new RoomPlacement(hosts);
        int[] rooms = new int[hosts.size()];
        IntStream.range(0, names).forEach(k -> rooms[hosts.indexOf(
                placement.place(new RoomName("room-" + k), null).orElseThrow())]++);
        return rooms;
    }
}
