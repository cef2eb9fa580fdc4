package org.chatons.entraide.broker.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.chatons.entraide.broker.registry.HostKey;
import org.junit.jupiter.api.Test;

class RoomPlacementTest {

    private static RoomHost host(String id, int capacity) {
        return new RoomHost(new HostKey("m", id), capacity, "FR", false);
    }

    @Test
    void eachHostTakesItsShareOfCapacity() {
        List<RoomHost> hosts = List.of(host("a", 100), host("b", 300), host("c", 600));

        int[] rooms = RoomPlacementProperties.roomsPerHost(hosts, 20_000);

        // Binomial spread at 20,000 names: a standard deviation under 0.4 point, so 2 points is never reached
        // by chance, and an unweighted hash (a third each) fails.
        assertThat(rooms[0] / 20_000.0).isBetween(0.08, 0.12);
        assertThat(rooms[1] / 20_000.0).isBetween(0.28, 0.32);
        assertThat(rooms[2] / 20_000.0).isBetween(0.58, 0.62);
    }

    @Test
    void theHashIsFixedForEverBecauseLinksOutliveBrokers() {
        // Computed apart, with Python's hashlib: SHA-256 of "alpha/visio-1", a zero byte and the name, its first
        // 8 bytes big-endian, 53 bits plus half a step over 2^53. A change of hash, salt or key would send every
        // group elsewhere; another language or JVM computes the same.
        assertThat(Rendezvous.unit("alpha/visio-1", "assembleegenerale")).isEqualTo(UNIT_ALPHA_AG);
    }

    @Test
    void noHostNoRoom() {
        assertThat(new RoomPlacement(List.of()).place(new RoomName("x"), "FR")).isEmpty();
    }

    @Test
    void unsafeNamesAreRefusedAndNeverShown() {
        for (String bad : List.of("", "a/b", "..", "a.b", "%2F", "a b", "a\r\nb", "é", "x".repeat(65), "//evil")) {
            assertThat(RoomName.of(bad)).as("'%s'", bad).isEmpty();
        }
        assertThatThrownBy(() -> new RoomName("a/b")).hasMessageNotContaining("a/b");
        assertThat(new RoomName("Secret-Meeting").toString()).doesNotContain("Secret");
        assertThat(RoomName.of("x".repeat(64))).isPresent();
    }

    private static final double UNIT_ALPHA_AG = 0.1652840562580729;
}
