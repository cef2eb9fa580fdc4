package org.chatons.entraide.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chatons.entraide.broker.selection.LeastLoaded;
import org.chatons.entraide.broker.selection.Policy;
import org.chatons.entraide.broker.selection.PowerOfChoices;
import org.junit.jupiter.api.Test;
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

    @Test
    void aBadSettingIsNamedWithWhatWasExpected() {
        assertThat(startupError(settings("broker.full-at", "1.5"))).isEqualTo("broker.full-at: 1.5 (expected: > 0 and <= 1)");
        assertThat(startupError(settings("broker.policy", "round-robin")))
                .startsWith("broker.policy: unknown policy 'round-robin' (expected one of [d-choices");
        assertThat(startupError(settings("broker.near-tolerance", "5")))
                .isEqualTo("broker.near-tolerance: 5.0 (expected: between 0 and 1, e.g. 0.01 for 1 %)");
        assertThat(startupError(settings("broker.services.wiki.name.fr", "Wiki")))
                .startsWith("broker.services.wiki.name.en: missing");
    }

    @Test
    void brokersMustBeOneOrMore() {
        assertThat(startupError(settings("broker.brokers", "0")))
                .isEqualTo("broker.brokers: 0 (expected: >= 1, the number of brokers sharing the users)");
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
