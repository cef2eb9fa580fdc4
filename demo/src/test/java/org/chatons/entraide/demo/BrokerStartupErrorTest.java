package org.chatons.entraide.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built broker, started as a sysadmin would, stops on a bad file with one line that names what is wrong. */
class BrokerStartupErrorTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String output) {
    }

    Run broker(Path members, Path drains) throws Exception {
        return broker(members, drains, Map.of());
    }

    Run broker(Path members, Path drains, Map<String, String> settings) throws Exception {
        Path jar = JarProcess.jar(FederationOptions.defaults().brokerJar());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", jar.toString())).redirectErrorStream(true);
        builder.environment().put("BROKER_MEMBERS_FILE", members.toString());
        builder.environment().put("BROKER_DRAINS_FILE", drains.toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", "0");
        builder.environment().putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the broker started instead of stopping on a bad file");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.exitValue(), output);
    }

    Path members(String country) throws Exception {
        return Files.writeString(dir.resolve("members.yml"), """
                members:
                  - id: alpha
                    name: Alpha
                    token-sha256: 5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8
                    domains: [alpha.example.org]
                    confirmed-until: 2099-06-30
                    country: %s
                    languages: [fr]
                """.formatted(country));
    }

    @Test
    void aBadMembersFileStopsItWithOneLineNamingTheLineAndKey() throws Exception {
        Run run = broker(members("France"), dir.resolve("drains.txt"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("entraide broker: " + dir.resolve("members.yml")
                + " line 7: members[0] (alpha).country: 'France'").doesNotContain("\tat ", "Exception");
    }

    @Test
    void aBadDrainsFileStopsItWithOneLineNamingTheLine() throws Exception {
        Path drains = Files.writeString(dir.resolve("drains.txt"), "alpha/pad-1\nalpha:pad-2\n");

        Run run = broker(members("FR"), drains);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("entraide broker: drains file " + drains + " line 2: 'alpha:pad-2'")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void aBadSettingStopsItWithOneLineNamingTheSettingAndWhatWasExpected() throws Exception {
        Path members = members("FR");
        Path drains = dir.resolve("drains.txt");

        Run outOfRange = broker(members, drains, Map.of("BROKER_FULL_AT", "1.5"));
        Run unreadable = broker(members, drains, Map.of("BROKER_STALE_AFTER_MIN", "a minute"));
        Run retired = broker(members, drains, Map.of("BROKER_REPORT_TTL", "90s"));

        assertThat(outOfRange.exitCode()).isEqualTo(2);
        assertThat(outOfRange.output()).contains("entraide broker: broker.full-at: 1.5 (expected: > 0 and <= 1)")
                .doesNotContain("\tat ", "Exception");
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.output()).contains("entraide broker: broker.stale-after-min: 'a minute' (expected: a "
                + "duration such as 30s, 5m or 24h)").doesNotContain("\tat ", "Exception");
        assertThat(retired.exitCode()).isEqualTo(2);
        assertThat(retired.output()).contains("entraide broker: broker.report-ttl: no longer used")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void aPortAlreadyTakenStopsItWithOneLineNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = broker(members("FR"), dir.resolve("drains.txt"),
                    Map.of("MICRONAUT_SERVER_PORT", Integer.toString(taken.getLocalPort()),
                            "MICRONAUT_SERVER_HOST", "127.0.0.1"));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.output()).contains("entraide broker: micronaut.server.port: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()).doesNotContain("\tat ", "Exception");
        }
    }
}
