package org.chatons.entraide.agent.chatonsinfos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OPEN and FULL with hysteresis, and a file that is never created. */
class ChatonsInfosKeeperTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-30T17:05:09Z"), ZoneOffset.UTC);
    final ChatonsInfosKeeper keeper = new ChatonsInfosKeeper(0.85, 0.70, clock, ZoneId.of("Europe/Paris"));

    static HostReport pad(Integer users, boolean accepting, HostStatus status) {
        return new HostReport("pad-1", "pad", "etherpad", "https://pad.example.org/", status, accepting, users, 100,
                null, null);
    }

    HostConfig host(Path file) {
        URI url = URI.create("https://pad.example.org/");
        return new HostConfig("pad-1", "pad", "etherpad", url, url, 100, null, null, file);
    }

    @Test
    void fullAtTheThresholdAndOpenAgainOnlyWellBelowIt() {
        assertThat(RegistrationLoad.next("OPEN", pad(84, true, HostStatus.UP), 0.85, 0.70)).isEqualTo("OPEN");
        assertThat(RegistrationLoad.next("OPEN", pad(85, true, HostStatus.UP), 0.85, 0.70)).isEqualTo("FULL");
        assertThat(RegistrationLoad.next("FULL", pad(80, true, HostStatus.UP), 0.85, 0.70)).isEqualTo("FULL");
        assertThat(RegistrationLoad.next("FULL", pad(70, true, HostStatus.UP), 0.85, 0.70)).isEqualTo("FULL");
        assertThat(RegistrationLoad.next("FULL", pad(69, true, HostStatus.UP), 0.85, 0.70)).isEqualTo("OPEN");
    }

    @Test
    void closedRegistrationsAreFullAndADownHostLeavesTheFileAlone() {
        assertThat(RegistrationLoad.next("OPEN", pad(null, false, HostStatus.UP), 0.85, 0.70)).isEqualTo("FULL");
        assertThat(RegistrationLoad.next("FULL", pad(null, true, HostStatus.UP), 0.85, 0.70)).isEqualTo("OPEN");
        assertThat(RegistrationLoad.next("OPEN", pad(null, true, HostStatus.UP), 0.85, 0.70)).isEqualTo("OPEN");
        assertThat(RegistrationLoad.next("OPEN", pad(99, false, HostStatus.DOWN), 0.85, 0.70)).isEqualTo("OPEN");
        assertThat(RegistrationLoad.next("FULL", pad(1, true, HostStatus.DOWN), 0.85, 0.70)).isEqualTo("FULL");
    }

    @Test
    void aFullHostsFileIsRewrittenWithTheServersLocalTime() throws Exception {
        Path file = dir.resolve("pad.properties");
        Files.writeString(file, "file.datetime = 2025-05-12T08:00:00\nservice.registration.load = OPEN\n");
        List<ChatonsInfosKeeper.Outcome> outcomes = keeper.keep(List.of(host(file)),
                Map.of("pad-1", pad(90, true, HostStatus.UP)), true);
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.written()).isTrue();
            assertThat(o.problem()).isNull();
        });
        assertThat(Files.readString(file))
                .isEqualTo("file.datetime = 2026-11-30T18:05:09\nservice.registration.load = FULL\n");
    }

    @Test
    void aDryRunSaysWhatItWouldWriteAndWritesNothing() throws Exception {
        Path file = dir.resolve("pad.properties");
        byte[] before = "service.registration.load = OPEN\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, before);
        ChatonsInfosKeeper.Outcome o = keeper.keep(List.of(host(file)), Map.of("pad-1", pad(90, true, HostStatus.UP)),
                false).get(0);
        assertThat(o.written()).isFalse();
        assertThat(o.rewrite().after()).isEqualTo("FULL");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aMissingFileIsNeverCreatedAndAFileWithoutTheLineIsLeftAlone() throws Exception {
        Path missing = dir.resolve("missing.properties");
        assertThat(keeper.keep(List.of(host(missing)), Map.of("pad-1", pad(90, true, HostStatus.UP)), true))
                .singleElement().satisfies(o -> assertThat(o.problem()).contains("never creates"));
        assertThat(missing).doesNotExist();
        Path bare = dir.resolve("bare.properties");
        Files.writeString(bare, "service.name = Pad\n");
        assertThat(keeper.keep(List.of(host(bare)), Map.of("pad-1", pad(90, true, HostStatus.UP)), true))
                .singleElement().satisfies(o -> assertThat(o.problem()).contains("no service.registration.load"));
        assertThat(Files.readString(bare)).isEqualTo("service.name = Pad\n");
    }
}
