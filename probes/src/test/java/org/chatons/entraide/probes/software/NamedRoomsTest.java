package org.chatons.entraide.probes.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** A room's address is made on the host's own origin, or not at all. */
class NamedRoomsTest {

    private static final URI HOME = URI.create("https://visio.example.org/jitsi/");

    @Test
    void aRoomIsUnderTheHostsHome() {
        assertThat(new NamedRooms("{name}", "[A-Za-z0-9_-]+").room(HOME, "Chorale"))
                .hasValue(URI.create("https://visio.example.org/jitsi/Chorale"));
        assertThat(new NamedRooms("meet/{name}?lang=fr", "[A-Za-z0-9_-]+").room(HOME, "Chorale"))
                .hasValue(URI.create("https://visio.example.org/jitsi/meet/Chorale?lang=fr"));
        assertThat(new NamedRooms("{name}", "[a-z]+").room(HOME, "Chorale")).isEmpty();
    }

    @Test
    void aShapeThatWouldLeaveTheHostMakesNoRoom() {
        assertThat(new NamedRooms("https://evil.example/{name}", ".+").room(HOME, "Chorale")).isEmpty();
        assertThat(new NamedRooms("http:{name}", ".+").room(HOME, "Chorale")).isEmpty();
        assertThatThrownBy(() -> new NamedRooms("//evil.example/{name}", ".+"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
