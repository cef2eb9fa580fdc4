package org.chatons.entraide.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.chatons.entraide.agent.FakeBroker;
import org.chatons.entraide.agent.FakeHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} shows what the agent would write in each host's ChatonsInfos file, and writes nothing. */
class ChatonsInfosCheckTest {

    @TempDir
    Path dir;
    final FakeHttpServer pad = FakeHttpServer.start();
    final FakeBroker broker = new FakeBroker();
    final Console console = new Console(Map.of("ENTRAIDE_TOKEN", "the-token"));

    @AfterEach
    void stop() {
        pad.close();
        broker.close();
    }

    Path config(String extraTop, String chatonsinfosFile) throws Exception {
        pad.on("/health", FakeHttpServer.json("{\"status\":\"pass\",\"releaseId\":\"2.5.3\"}"))
                .on("/stats", FakeHttpServer.json("{\"totalUsers\":180,\"activePads\":3}"));
        Path config = dir.resolve("probe-agent.yml");
        Files.writeString(config, """
                member: alpha
                token-env: ENTRAIDE_TOKEN
                brokers: [%s]
                timeout: 20s
                metrics-port: 0
                %s
                hosts:
                %s
                    chatonsinfos-file: %s
                """.formatted(broker.url(), extraTop, AgentConfigs.padHost(pad.url()), chatonsinfosFile));
        return config;
    }

    @Test
    void checkPrintsTheLinesItWouldWrite() throws Exception {
        Path file = dir.resolve("chatonsinfos/pad.properties");
        Files.createDirectories(file.getParent());
        String text = "file.datetime = 2025-05-12T08:00:00\nservice.registration.load = OPEN\n";
        Files.writeString(file, text);
        int code = console.run("check", "-c", config("", "chatonsinfos/pad.properties").toString());
        assertThat(code).as(console.out + "\n" + console.err).isZero();
        assertThat(console.out.toString()).contains("chatonsinfos pad-1 " + file + ": would write service.registration.load OPEN -> FULL")
                .contains("    - service.registration.load = OPEN").contains("    + service.registration.load = FULL")
                .contains("    - file.datetime = 2025-05-12T08:00:00");
        assertThat(console.out.toString()).contains("systemctl edit entraide-probe-agent")
                .contains("\n    [Service]\n    ReadWritePaths=" + file.getParent() + "\n    SupplementaryGroups=www-data\n")
                .contains("    chgrp www-data " + file.getParent() + " && chmod g+ws " + file.getParent());
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void theDropInNamesTheGroupThatAlreadyOwnsTheFolder() throws Exception {
        Path file = dir.resolve("www/pad.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "service.registration.load = OPEN\n");
        GroupPrincipal daemon;
        try {
            daemon = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("daemon");
            Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class).setGroup(daemon);
        } catch (IOException e) {
            Assumptions.abort("cannot give a folder to the group daemon here (not root?): " + e);
            return;
        }
        Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(console.run("check", "-c", config("", file.toString()).toString())).isZero();
        assertThat(console.out.toString()).contains("    SupplementaryGroups=daemon\n")
                .contains("    chgrp daemon " + file.getParent() + " && chmod g+ws " + file.getParent())
                .doesNotContain("www-data");

        // Writable by its group is not enough: files made in it must stay the group's (setgid).
        Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxrwxr-x"));
        console.out.getBuffer().setLength(0);
        assertThat(console.run("check", "-c", config("", file.toString()).toString())).isZero();
        assertThat(console.out.toString()).contains("    chgrp daemon " + file.getParent());

        // Once it is (chmod g+ws), nothing is left to do there.
        assertThat(new ProcessBuilder("chmod", "g+ws", file.getParent().toString()).start().waitFor()).isZero();
        console.out.getBuffer().setLength(0);
        assertThat(console.run("check", "-c", config("", file.toString()).toString())).isZero();
        assertThat(console.out.toString()).contains("    SupplementaryGroups=daemon\n").doesNotContain("chgrp");
    }

    @Test
    void checkSaysWhenTheFileIsRightOrMissing() throws Exception {
        Path file = dir.resolve("pad.properties");
        Files.writeString(file, "service.registration.load = OPEN\n");
        assertThat(console.run("check", "-c", config("chatonsinfos-full-at: 0.95\nchatonsinfos-open-below: 0.8",
                file.toString()).toString())).isZero();
        assertThat(console.out.toString()).contains("service.registration.load = OPEN, right as it is");
        Path missing = dir.resolve("nope.properties");
        assertThat(console.run("check", "-c", config("", missing.toString()).toString())).isEqualTo(1);
        assertThat(console.out.toString()).contains("never creates").contains("Some ChatonsInfos files cannot be kept.");
        assertThat(missing).doesNotExist();
    }

    @Test
    void badThresholdsAreRefusedWithTheirLine() throws Exception {
        int code = console.run("check", "-c", config("chatonsinfos-full-at: 1.5\nchatonsinfos-open-below: 0.9",
                "pad.properties").toString());
        assertThat(code).isEqualTo(2);
        assertThat(console.err.toString()).contains("chatonsinfos-full-at: must be a number above 0 and at most 1");
        console.err.getBuffer().setLength(0);
        assertThat(console.run("check", "-c", config("chatonsinfos-full-at: 0.8\nchatonsinfos-open-below: 0.9",
                "pad.properties").toString())).isEqualTo(2);
        assertThat(console.err.toString()).contains("chatonsinfos-open-below: must be lower than chatonsinfos-full-at");
    }
}
