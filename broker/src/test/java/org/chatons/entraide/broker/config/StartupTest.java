package org.chatons.entraide.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.chatons.entraide.broker.selection.LeastLoaded;
import org.chatons.entraide.broker.selection.Policy;
import org.chatons.entraide.broker.selection.PowerOfChoices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** The broker refuses to start half-configured, and says why in one line. */
class StartupTest {

    @TempDir
    Path dir;

    static Map<String, Object> settings(Object... keyValues) {
        java.util.HashMap<String, Object> map = new java.util.HashMap<>();
        map.put("micronaut.server.port", -1);
        map.put("broker.members-file", "src/test/resources/test-members.yml");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static String startupError(Map<String, Object> settings) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> ApplicationContext.run(EmbeddedServer.class, settings).close());
        assertThat(thrown).isNotNull();
        return StartupError.find(thrown).map(Throwable::getMessage).orElseThrow(() -> new AssertionError(thrown));
    }

    @Test
    void startsWithAValidConfiguration() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings())) {
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void anInvalidMembersFileStopsItWithTheLineAndKey() throws IOException {
        Path members = dir.resolve("members.yml");
        Files.writeString(members, Files.readString(Path.of("src/test/resources/test-members.yml"))
                .replace("country: BE", "country: Belgium"));

        assertThat(startupError(settings("broker.members-file", members.toString())))
                .contains("members.yml line 15: members[1] (beta).country: 'Belgium'");
    }

    @Test
    void aMissingMembersFileIsNamed() {
        assertThat(startupError(settings("broker.members-file", dir.resolve("nope.yml").toString())))
                .contains("nope.yml does not exist");
    }

    /** A bad setting, and the one line that stops the broker: in full, or its start where it ends with "...". */
    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad("broker.full-at: 1.5 (expected: > 0 and <= 1)", "broker.full-at", "1.5"),
                bad("broker.policy: unknown policy 'round-robin' (expected one of [d-choices...",
                        "broker.policy", "round-robin"),
                bad("broker.near-tolerance: 5.0 (expected: between 0 and 1, e.g. 0.12)", "broker.near-tolerance", "5"),
                bad("broker.services.wiki.name.en: missing...", "broker.services.wiki.name.fr", "Wiki"),
                bad("broker.stale-after-max: PT1M (expected: at least broker.stale-after-min, PT2M)",
                        "broker.stale-after-min", "2m", "broker.stale-after-max", "1m"),
                bad("broker.stale-after-intervals: 0 (expected: >= 1...", "broker.stale-after-intervals", "0"),
                bad("broker.forget-after: PT10M (expected: longer than broker.stale-after-max)",
                        "broker.forget-after", "10m"),
                bad("broker.rooms.warm-up-max: PT5M (expected: at least broker.rooms.warm-up-min, PT10M)",
                        "broker.rooms.warm-up-min", "10m", "broker.rooms.warm-up-max", "5m"),
                bad("broker.rooms.warm-up-intervals: -1 (expected: >= 0)...", "broker.rooms.warm-up-intervals", "-1"),
                bad("broker.brokers: 0 (expected: >= 1, the number of brokers sharing the users)", "broker.brokers", "0"),
                bad("broker.full-at: 'lots' (expected: a number such as 0.85)", "broker.full-at", "lots"),
                bad("broker.stale-after-min: 'a minute' (expected: a duration such as 30s, 5m or 24h)",
                        "broker.stale-after-min", "a minute"),
                bad("broker.choices: '2.5' (expected: a whole number)", "broker.choices", "2.5"),
                bad("broker.time-zone: 'Mars/Olympus' (expected: a time zone such as Europe/Paris)",
                        "broker.time-zone", "Mars/Olympus"));
    }

    private static Arguments bad(String expected, Object... keyValues) {
        return Arguments.of(expected, keyValues);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void aBadSettingStopsItNamingTheKeyAndWhatWasExpected(String expected, Object[] keyValues) {
        String error = startupError(settings(keyValues));
        if (expected.endsWith("...")) {
            assertThat(error).startsWith(expected.substring(0, expected.length() - 3));
        } else {
            assertThat(error).isEqualTo(expected);
        }
    }

    @Test
    void theRetiredReportTtlIsNamedWithWhatReplacedIt() {
        assertThat(startupError(settings("broker.report-ttl", "90s"))).startsWith("broker.report-ttl: no longer used")
                .contains("broker.stale-after-intervals", "broker.stale-after-min", "broker.stale-after-max");
    }

    @Test
    void peersMustBeBrokersReachedSafelyWithTheAdminToken() {
        assertThat(startupError(settings("broker.peers", "http://broker-2.example.org", "broker.admin-token", "t")))
                .startsWith("broker.peers: 'http://broker-2.example.org' (expected: https, since the admin token");
        assertThat(startupError(settings("broker.peers", "https://admin:secret@broker-2.example.org")))
                .contains("without user name");
        assertThat(startupError(settings("broker.peers", "https://broker-2.example.org")))
                .startsWith("broker.admin-token: missing");
        assertThat(startupError(settings("broker.peers", "https://broker-2.example.org", "broker.admin-token", "t",
                "broker.admin-token-sha256", Sha256.hex("another"))))
                .startsWith("broker.admin-token: its SHA-256 is not broker.admin-token-sha256");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings(
                "broker.peers", "https://broker-2.example.org,http://127.0.0.1:8081/", "broker.admin-token", "admin-token",
                "broker.admin-token-sha256", ""))) {
            BrokerConfig config = server.getApplicationContext().getBean(BrokerConfig.class);
            assertThat(config.peerUrls()).hasSize(2);
            assertThat(config.adminTokenHash()).isEqualTo(Sha256.hex("admin-token"));
        }
    }

    @Test
    void theNumberOfBrokersReachesTheCorrectedPolicies() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings())) {
            assertThat(server.getApplicationContext().getBean(Policy.class)).isEqualTo(new PowerOfChoices(2, true, 1));
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings("broker.brokers", "4"))) {
            assertThat(server.getApplicationContext().getBean(Policy.class)).isEqualTo(new PowerOfChoices(2, true, 4));
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                settings("broker.brokers", "4", "broker.policy", "least-loaded"))) {
            assertThat(server.getApplicationContext().getBean(Policy.class)).isEqualTo(new LeastLoaded(true, 4));
        }
    }

    @Test
    void aServiceCanBeAddedByConfiguration() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings(
                "broker.services.wiki.name.fr", "Wiki", "broker.services.wiki.name.en", "Wiki",
                "broker.services.wiki.description.fr", "Écrire une documentation", "broker.services.wiki.description.en", "Write docs",
                "broker.services.wiki.action.fr", "Ouvrir un wiki", "broker.services.wiki.action.en", "Open a wiki"))) {
            assertThat(server.getApplicationContext().getBean(org.chatons.entraide.broker.catalogue.ServiceCatalogue.class)
                    .contains("wiki")).isTrue();
        }
    }
}
