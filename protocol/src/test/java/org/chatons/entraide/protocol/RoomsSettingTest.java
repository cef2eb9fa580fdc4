package org.chatons.entraide.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a member may say of a host's named rooms: off or a shape that stays on the host, never a way elsewhere. */
class RoomsSettingTest {

    @ParameterizedTest
    @ValueSource(strings = {"off", "{name}", "meet/{name}", "meet/{name}/", "?room={name}", "r/{name}?lang=fr&x=1",
        ".rooms/{name}", "a~b/c_d-e/{name}"})
    void offAndShapesOnTheHostAreTaken(String setting) {
        assertThat(RoomsSetting.problem(setting)).isNull();
        if (!RoomsSetting.isOff(setting)) {
            // Whatever the name in the safe set, the room resolves on the host's own origin.
            URI room = URI.create("https://visio.example.org:8443/jitsi/").resolve(setting.replace("{name}", "A-b_9"));
            assertThat(room.getScheme() + "://" + room.getRawAuthority()).isEqualTo("https://visio.example.org:8443");
            assertThat(room.getRawPath()).startsWith("/jitsi/");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/{name}", "//evil.example/{name}", "/{name}", "../{name}",
        "a/../{name}", "./{name}", "a//{name}", "%2F%2Fevil.example/{name}", "{name}@evil.example", "{name}#x",
        "\\\\evil.example/{name}", "javascript:{name}", "evil.example:443/{name}", "meet", "{name}/{name}",
        "{name}\r\nLocation: x", "{name}?a=/b", "{name}?u=%2F", "salle {name}", "OFF", ""})
    void anythingElseIsRefusedInWords(String setting) {
        assertThat(RoomsSetting.problem(setting)).isNotNull().contains("{name}").doesNotContain("\r", "\n");
    }

    @Test
    void aShapeIsKeptShort() {
        assertThat(RoomsSetting.problem("a".repeat(RoomsSetting.MAX_LENGTH - 6) + "{name}")).isNull();
        assertThat(RoomsSetting.problem("a".repeat(RoomsSetting.MAX_LENGTH - 5) + "{name}"))
                .startsWith("at most 200 characters");
    }
}
