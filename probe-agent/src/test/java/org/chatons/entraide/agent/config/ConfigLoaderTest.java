package org.chatons.entraide.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chatons.entraide.protocol.WireRules;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    static final List<String> SOFTWARE = List.of("etherpad", "nextcloud", "jitsi", "http");
    /** A whole configuration as a sysadmin writes one, comments included. */
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
                .hasMessage("probe-agent.yml line 18: hosts[1].capacity-users: must be a whole number of 1 or more, got 'lots'");
    }

    @Test
    void unknownKeysAreErrorsNotSilentlyIgnored() {
        String text = ISSUE_EXAMPLE.replace("    probe-url:", "    probe_url:").replace("interval:", "intervall:");

        assertThat(problems(text)).containsExactly(
                "probe-agent.yml line 4: intervall: unknown key; known keys: brokers, chatonsinfos-full-at, chatonsinfos-open-below, hosts, interval, member, metrics-port, timeout, token-env, token-file",
                "probe-agent.yml line 12: hosts[0].probe_url: unknown key; known keys: accepts-new-users, capacity-users, chatonsinfos-file, id, probe-url, rooms, secret-env, secret-file, service, software, url");
    }

    @Test
    void unknownSoftwareListsTheKnownOnes() {
        String text = ISSUE_EXAMPLE.replace("software: nextcloud", "software: owncloud");

        assertThat(problems(text)).containsExactly(
                "probe-agent.yml line 16: hosts[1].software: unknown software 'owncloud'; known: etherpad, http, jitsi, nextcloud");
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
                "probe-agent.yml line 1: member: must be 1 to 64 of a-z, 0-9 and -, got 'Alpha!'",
                "probe-agent.yml line 1: token-env: is required (or token-file): where the member's token is",
                "probe-agent.yml line 2: brokers[0]: must be an http:// or https:// URL with a host, got 'ftp://broker'",
                "probe-agent.yml line 3: interval: must be a duration such as 30s, 500ms or 2m, got 'soon'",
                "probe-agent.yml line 5: metrics-port: must be a whole number from 0 to 65535, got '70000'",
                "probe-agent.yml line 10: hosts[0].url: 'pad.example.org' must be an absolute URL with a host, such as https://pad.example.org/",
                "probe-agent.yml line 11: hosts[0].capacity-users: must be a whole number of 1 or more, got '0'",
                "probe-agent.yml line 13: hosts[0].secret-file: give either secret-env or secret-file, not both",
                "probe-agent.yml line 14: hosts[0].accepts-new-users: must be true or false, got 'maybe'");
    }

    @Test
    void aHostsRoomsAreOffOrAShapeOnItsOwnAddressAndAnythingElseIsNamedWithItsLine() throws Exception {
        String text = """
                member: alpha
                token-env: T
                brokers: [https://b.example.org]
                hosts:
                  - {id: a, service: visio, software: jitsi, url: "https://a.example.org/", capacity-users: 5, rooms: "off"}
                  - {id: b, service: visio, software: jitsi, url: "https://b.example.org/", capacity-users: 5, rooms: "meet/{name}"}
                  - {id: c, service: visio, software: jitsi, url: "https://c.example.org/", capacity-users: 5}
                """;
        assertThat(loader.parse(text, file).hosts()).extracting(HostConfig::rooms)
                .containsExactly("off", "meet/{name}", null);

        assertThat(problems(text.replace("\"meet/{name}\"", "\"https://evil.example/{name}\"")))
                .singleElement().asString().startsWith("probe-agent.yml line 6: hosts[1].rooms: 'https://evil.example/{name}' must stay on the host");
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
                "probe-agent.yml line 6: hosts[1].id: 'pad' is used by another host already",
                "probe-agent.yml line 7: hosts[2].service: is required",
                "probe-agent.yml line 7: hosts[2].url: is required: where users are sent",
                "probe-agent.yml line 7: hosts[2].capacity-users: is required: how many users the host can serve");
    }

    /** The brokers' own words (WireRules), after the file, line and key: what the broker would answer to the report. */
    @Test
    void whatTheBrokersWouldRefuseIsRefusedAtOnceInTheirWords() {
        String text = ISSUE_EXAMPLE.replace("url: https://pad.alpha.example.org/", "url: http://pad.alpha.example.org/")
                .replace("url: https://cloud.alpha.example.org/", "url: https://admin:hunter2@cloud.alpha.example.org/")
                .replace("id: cloud", "id: Cloud")
                .replace("interval: 30s", "interval: 1h");

        List<String> problems = problems(text);

        assertThat(problems).containsExactly(
                "probe-agent.yml line 4: interval: " + WireRules.intervalProblem(3600),
                "probe-agent.yml line 11: hosts[0].url: " + WireRules.hostUrlProblem("http://pad.alpha.example.org/"),
                "probe-agent.yml line 14: hosts[1].id: " + WireRules.idProblem("Cloud"),
                "probe-agent.yml line 17: hosts[1].url: " + WireRules.hostUrlProblem("https://admin:hunter2@cloud.alpha.example.org/"));
        assertThat(problems.get(0)).endsWith("interval: must be from 5 to 600 seconds (10 minutes), got 3600");
        assertThat(problems.get(1)).endsWith("hosts[0].url: 'http://pad.alpha.example.org/' must use https (http only on localhost, 127.0.0.0/8 or [::1])");
        assertThat(String.join("\n", problems)).doesNotContain("hunter2", "admin");
    }

    @Test
    void theIntervalIsWholeSecondsInTheRangeTheBrokersTake() {
        assertThat(problems(ISSUE_EXAMPLE.replace("interval: 30s", "interval: 2s").replace("timeout: 5s", "timeout: 1s")))
                .containsExactly("probe-agent.yml line 4: interval: must be from 5 to 600 seconds (10 minutes), got 2");
        assertThat(problems(ISSUE_EXAMPLE.replace("interval: 30s", "interval: 7500ms")))
                .containsExactly("probe-agent.yml line 4: interval: must be a whole number of seconds (reports carry seconds), got '7500ms'");
        assertThat(problems(ISSUE_EXAMPLE.replace("interval: 30s", "interval: 11m")))
                .containsExactly("probe-agent.yml line 4: interval: must be from 5 to 600 seconds (10 minutes), got 660");
    }

    @Test
    void theIntervalsAtTheEdgesAreTaken() throws Exception {
        assertThat(loader.parse(ISSUE_EXAMPLE.replace("interval: 30s", "interval: 10m"), file).interval())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(loader.parse(ISSUE_EXAMPLE.replace("interval: 30s", "interval: 5000ms").replace("timeout: 5s", "timeout: 2s"), file)
                .interval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void brokerAndProbeUrlsCarryNoUserNameAndBrokersNoQuery() {
        String text = ISSUE_EXAMPLE
                .replace("brokers: [https://entraide.example.org, https://entraide2.example.org]",
                        "brokers: [\"https://alpha:s3cret@entraide.example.org\", \"https://entraide2.example.org/?token=x\"]")
                .replace("probe-url: http://127.0.0.1:9001/", "probe-url: http://pad:pw@127.0.0.1:9001/");

        List<String> problems = problems(text);

        assertThat(problems).containsExactly(
                "probe-agent.yml line 3: brokers[0]: 'https://***@entraide.example.org' must not contain a user name or password",
                "probe-agent.yml line 3: brokers[1]: must be the broker's base URL, without '?' or '#', got 'https://entraide2.example.org/?token=x'",
                "probe-agent.yml line 12: hosts[0].probe-url: 'http://***@127.0.0.1:9001/' must not contain a user name or password");
        assertThat(String.join("\n", problems)).doesNotContain("s3cret", "pw@");
    }

    @Test
    void aPlainHttpBrokerAwayFromThisMachineIsTakenWithAWarning() throws Exception {
        AgentConfig config = loader.parse(ISSUE_EXAMPLE.replace("https://entraide2.example.org", "http://broker:8080"), file);

        assertThat(config.brokers()).contains(URI.create("http://broker:8080"));
        assertThat(config.warnings()).containsExactly("probe-agent.yml line 3: brokers[1]: 'http://broker:8080' is plain "
                + "http: the member's token travels unencrypted (use https unless the broker is on a private network)");
        assertThat(loader.parse(ISSUE_EXAMPLE.replace("https://entraide2.example.org", "http://127.0.0.1:8080"), file)
                .warnings()).isEmpty();
    }

    @Test
    void aProbeUrlMayBePlainHttpOnThePrivateNetwork() throws Exception {
        AgentConfig config = loader.parse(ISSUE_EXAMPLE.replace("http://127.0.0.1:9001/", "http://10.0.0.5:9001/"), file);

        assertThat(config.hosts().get(0).probeUrl()).isEqualTo(URI.create("http://10.0.0.5:9001/"));
    }

    @Test
    void noMoreHostsThanAReportCarries() {
        StringBuilder text = new StringBuilder("member: alpha\ntoken-env: T\nbrokers: [https://b.example.org]\nhosts:\n");
        for (int i = 0; i <= WireRules.MAX_HOSTS; i++) {
            text.append("  - {id: h").append(i).append(", service: pad, software: http, url: \"https://h")
                    .append(i).append(".example.org/\", capacity-users: 5}\n");
        }

        assertThat(problems(text.toString())).containsExactly(
                "probe-agent.yml line 5: hosts: at most 1000 hosts per report, got 1001");
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

    List<String> problems(String text) {
        try {
            loader.parse(text, file);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected a configuration error");
    }
}
