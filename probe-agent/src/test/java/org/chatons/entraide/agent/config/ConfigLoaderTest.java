package org.chatons.entraide.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    static final List<String> SOFTWARE = List.of("etherpad", "nextcloud", "jitsi", "http");
    /** The example of issue 3, as a sysadmin would copy it. */
    static final String ISSUE_EXAMPLE = """
            member: alpha
            token-env: ENTRAIDE_TOKEN            # or token-file: /etc/entraide/token
            brokers: [https://entraide.example.org, https://entraide2.example.org]
            interval: 30s
            timeout: 5s                          # per probe
            metrics-port: 9464
            hosts:
              - id: pad-1
                service: pad
                software: etherpad
                url: https://pad.alpha.example.org/
                probe-url: http://127.0.0.1:9001/
                capacity-users: 200
              - id: cloud
                service: drive
                software: nextcloud
                url: https://cloud.alpha.example.org/
                capacity-users: 500
                secret-env: NC_TOKEN
                accepts-new-users: false
            """;

    final ConfigLoader loader = new ConfigLoader(SOFTWARE);
    final Path file = Path.of("/etc/entraide/probe-agent.yml");

    @Test
    void readsTheIssueExample() throws Exception {
        AgentConfig config = loader.parse(ISSUE_EXAMPLE, file);

        assertThat(config.member()).isEqualTo("alpha");
        assertThat(config.token()).isEqualTo(new SecretRef(true, "ENTRAIDE_TOKEN", "token-env", 2));
        assertThat(config.brokers()).containsExactly(URI.create("https://entraide.example.org"),
                URI.create("https://entraide2.example.org"));
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.metricsPort()).isEqualTo(9464);
        HostConfig pad = config.hosts().get(0);
        assertThat(pad.probeUrl()).isEqualTo(URI.create("http://127.0.0.1:9001/"));
        assertThat(pad.secret()).isNull();
        assertThat(pad.acceptsNewUsers()).isNull();
        HostConfig cloud = config.hosts().get(1);
        assertThat(cloud.probeUrl()).as("defaults to url").isEqualTo(cloud.url());
        assertThat(cloud.secret().name()).isEqualTo("NC_TOKEN");
        assertThat(cloud.acceptsNewUsers()).isFalse();
    }

    @Test
    void theShippedExampleIsValid() throws Exception {
        AgentConfig config = new ConfigLoader(org.chatons.entraide.agent.adapters.AdapterRegistry.discover().names())
                .load(Path.of("probe-agent.example.yml"));

        assertThat(config.hosts()).extracting(HostConfig::software).containsExactly("etherpad", "nextcloud", "jitsi");
    }

    @Test
    void optionalKeysHaveDefaults() throws Exception {
        AgentConfig config = loader.parse("""
                member: alpha
                token-file: token.txt
                brokers: [http://localhost:8080]
                hosts:
                  - {id: pad-1, service: pad, software: etherpad, url: http://localhost:9001/, capacity-users: 10}
                """, file);

        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.metricsPort()).isEqualTo(9464);
        assertThat(config.token().fromEnv()).isFalse();
    }

    @Test
    void aWrongValueNamesTheLineTheKeyAndWhatWasExpected() {
        String text = ISSUE_EXAMPLE.replace("capacity-users: 500", "capacity-users: lots");

        assertThatThrownBy(() -> loader.parse(text, file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("probe-agent.yml line 18: hosts[1].capacity-users: must be a whole number of 1 or more, got \"lots\"");
    }

    @Test
    void unknownKeysAreErrorsNotSilentlyIgnored() {
        String text = ISSUE_EXAMPLE.replace("    probe-url:", "    probe_url:").replace("interval:", "intervall:");

        assertThat(problems(text)).containsExactly(
                "probe-agent.yml line 4: intervall: unknown key; known keys: brokers, chatonsinfos-full-at, chatonsinfos-open-below, hosts, interval, member, metrics-port, timeout, token-env, token-file",
                "probe-agent.yml line 12: hosts[0].probe_url: unknown key; known keys: accepts-new-users, capacity-users, chatonsinfos-file, id, probe-url, secret-env, secret-file, service, software, url");
    }

    @Test
    void unknownSoftwareListsTheKnownOnes() {
        String text = ISSUE_EXAMPLE.replace("software: nextcloud", "software: owncloud");

        assertThat(problems(text)).containsExactly(
                "probe-agent.yml line 16: hosts[1].software: unknown software \"owncloud\"; known: etherpad, http, jitsi, nextcloud");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String text = """
                member: Alpha!
                brokers: [ftp://broker]
                interval: soon
                timeout: 5s
                metrics-port: 70000
                hosts:
                  - id: pad-1
                    service: pad
                    software: etherpad
                    url: pad.example.org
                    capacity-users: 0
                    secret-env: A
                    secret-file: b
                    accepts-new-users: maybe
                  - id: pad-1
                    service: pad
                    software: etherpad
                    url: https://pad.example.org/
                    capacity-users: 5
                """;

        assertThat(problems(text)).containsExactly(
                "probe-agent.yml line 1: member: must be 1 to 64 of a-z, 0-9 and -, got \"Alpha!\"",
                "probe-agent.yml line 1: token-env: is required (or token-file): where the member's token is",
                "probe-agent.yml line 2: brokers[0]: must be an http:// or https:// URL, got \"ftp://broker\"",
                "probe-agent.yml line 3: interval: must be a duration such as 30s, 500ms or 2m, got \"soon\"",
                "probe-agent.yml line 5: metrics-port: must be a whole number from 0 to 65535, got \"70000\"",
                "probe-agent.yml line 10: hosts[0].url: must be an http:// or https:// URL, got \"pad.example.org\"",
                "probe-agent.yml line 11: hosts[0].capacity-users: must be a whole number of 1 or more, got \"0\"",
                "probe-agent.yml line 13: hosts[0].secret-file: give either secret-env or secret-file, not both",
                "probe-agent.yml line 14: hosts[0].accepts-new-users: must be true or false, got \"maybe\"");
    }

    @Test
    void duplicateHostIdsAndMissingKeys() {
        String text = """
                member: alpha
                token-env: T
                brokers: [https://b.example.org]
                hosts:
                  - {id: pad, service: pad, software: etherpad, url: "https://p.example.org/", capacity-users: 5}
                  - {id: pad, service: pad, software: etherpad, url: "https://q.example.org/", capacity-users: 5}
                  - {id: x, software: etherpad}
                """;

        assertThat(problems(text)).containsExactly(
                "probe-agent.yml line 6: hosts[1].id: \"pad\" is used by another host already",
                "probe-agent.yml line 7: hosts[2].service: is required",
                "probe-agent.yml line 7: hosts[2].url: is required: where users are sent",
                "probe-agent.yml line 7: hosts[2].capacity-users: is required: how many users the host can serve");
    }

    @Test
    void timeoutMustBeShorterThanTheInterval() {
        String text = ISSUE_EXAMPLE.replace("timeout: 5s", "timeout: 1m");

        assertThat(problems(text)).containsExactly("probe-agent.yml line 5: timeout: must be shorter than interval (30s)");
    }

    @Test
    void brokenYamlNamesItsLine() {
        assertThat(problems("member: alpha\nbrokers: [unclosed\nhosts:\n")).hasSize(1)
                .first().asString().startsWith("probe-agent.yml line ").contains("not valid YAML");
        assertThat(problems("")).containsExactly("probe-agent.yml: must be a YAML mapping with member, brokers, hosts...");
    }

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

    List<String> problems(String text) {
        try {
            loader.parse(text, file);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected a configuration error");
    }
}
