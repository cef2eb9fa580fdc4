package org.chatons.entraide.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's token and the hosts' secrets: read once, from the environment, a file or systemd's credentials. */
class CredentialsTest {

    static final String ISSUE_EXAMPLE = ConfigLoaderTest.ISSUE_EXAMPLE;
    final ConfigLoader loader = new ConfigLoader(ConfigLoaderTest.SOFTWARE);

    @Test
    void credentialsAreReadOnceAndAMissingOneNamesItsKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("probe-agent.yml");
        Files.writeString(dir.resolve("token"), "s3cret-token\n");
        AgentConfig agent = loader.parse(ISSUE_EXAMPLE.replace("token-env: ENTRAIDE_TOKEN", "token-file: token"), config);

        assertThatThrownBy(() -> Credentials.resolve(agent, Map.of()))
                .hasMessage("probe-agent.yml line 19: hosts[1].secret-env: environment variable NC_TOKEN is not set or empty");

        Credentials credentials = Credentials.resolve(agent, Map.of("NC_TOKEN", "nc"));
        assertThat(credentials.token().reveal()).as("the file's newline is not part of it").isEqualTo("s3cret-token");
        assertThat(credentials.token()).hasToString("****");
        assertThat(credentials.hostSecrets().get("cloud").reveal()).isEqualTo("nc");
        assertThat(credentials.toString()).doesNotContain("s3cret", "nc}");
    }

    @Test
    void underSystemdATokenFileIsReadFromTheCredentialOfTheSameName(@TempDir Path dir) throws Exception {
        // The service's own user cannot read the root-only file; the unit passes it with LoadCredential=.
        Path config = dir.resolve("probe-agent.yml");
        Path credentials = Files.createDirectory(dir.resolve("credentials"));
        Files.writeString(credentials.resolve("probe-agent.token"), "from-systemd\n");
        AgentConfig agent = loader.parse(ISSUE_EXAMPLE.replace("token-env: ENTRAIDE_TOKEN", "token-file: /etc/entraide/probe-agent.token"), config);

        Credentials passed = Credentials.resolve(agent, Map.of("NC_TOKEN", "nc", "CREDENTIALS_DIRECTORY", credentials.toString()));
        assertThat(passed.token().reveal()).isEqualTo("from-systemd");

        assertThatThrownBy(() -> Credentials.resolve(agent, Map.of("NC_TOKEN", "nc", "CREDENTIALS_DIRECTORY", dir.toString())))
                .as("no credential of that name: the configured file, which is missing here")
                .hasMessageStartingWith("probe-agent.yml line 2: token-file: cannot read file /etc/entraide/probe-agent.token");
        Files.writeString(dir.resolve("probe-agent.token"), "beside-the-config");
        AgentConfig relative = loader.parse(ISSUE_EXAMPLE.replace("token-env: ENTRAIDE_TOKEN", "token-file: probe-agent.token"), config);
        assertThat(Credentials.resolve(relative, Map.of("NC_TOKEN", "nc")).token().reveal())
                .as("outside systemd: the file itself, relative to the configuration").isEqualTo("beside-the-config");
    }
}
