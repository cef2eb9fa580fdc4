package org.chatons.entraide.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chatons.entraide.agent.FakeBroker;
import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    @TempDir
    Path dir;
    final FakeHttpServer pad = FakeHttpServer.start();
    final FakeHttpServer bridge = FakeHttpServer.start();
    final FakeBroker broker = new FakeBroker();
    final Console console = new Console(Map.of("ENTRAIDE_TOKEN", "the-token"));
    Path config;

    @BeforeEach
    void files() throws Exception {
        pad.on("/health", FakeHttpServer.json("{\"status\":\"pass\",\"releaseId\":\"2.5.3\"}"))
                .on("/stats", FakeHttpServer.json("{\"totalUsers\":12,\"activePads\":3}"));
        bridge.on("/about/health", FakeHttpServer.answer(200, null, ""))
                .on("/colibri/stats", FakeHttpServer.json("{\"stress_level\":0.4,\"participants\":8,\"drain\":false}"));
        config = dir.resolve("probe-agent.yml");
        Files.writeString(config, """
                member: alpha
                token-env: ENTRAIDE_TOKEN
                brokers: [%s]
                interval: 30s
                timeout: 20s
                metrics-port: 0
                hosts:
                %s
                  - id: visio
                    service: visio
                    software: jitsi
                    url: http://localhost:9002/
                    probe-url: %s
                    capacity-users: 100
                """.formatted(broker.url(), AgentConfigs.padHost(pad.url()), bridge.url()));
    }

    @AfterEach
    void stop() {
        pad.close();
        bridge.close();
        broker.close();
    }

    @Test
    void checkPrintsATableAndValidatesWithADryRun() {
        int code = console.run("check", "-c", config.toString());

        assertThat(code).as(console.err.toString()).isZero();
        assertThat(console.out.toString())
                .containsPattern("HOST +SOFTWARE +STATUS +USERS +CAPACITY +LOAD +ACCEPTING +REASON")
                .containsPattern("pad-1 +etherpad +UP +12 +200 +0.06 +yes +Etherpad 2.5.3 healthy; 12 users on 3 pads")
                .containsPattern("visio +jitsi +UP +8 +100 +0.40 +yes +videobridge healthy")
                .contains("broker " + broker.url() + ": OK (202)")
                .contains("All good.")
                .doesNotContain("the-token");
        assertThat(broker.requests()).hasSize(1);
        assertThat(broker.requests().get(0).header("Authorization")).isEqualTo("Bearer the-token");
        assertThat(broker.reports().get(0).hosts()).hasSize(2);
    }

    @Test
    void checkShowsAnUnknownUserCountAsAQuestionMarkAndSendsItAsNull() throws Exception {
        Files.writeString(config, Files.readString(config) + """
                  - id: poll
                    service: poll
                    software: http
                    url: http://localhost:9003/
                    probe-url: %s
                    capacity-users: 40
                """.formatted(bridge.url().resolve("about/health")));

        int code = console.run("check", "-c", config.toString());

        assertThat(code).as(console.err.toString()).isZero();
        assertThat(console.out.toString()).containsPattern("poll +http +UP +\\? +40 +\\? +yes +answers 200 in \\d+ ms");
        assertThat(broker.reports().get(0).hosts().get(2).activeUsers()).isNull();
        assertThat(broker.requests().get(0).body()).contains("\"activeUsers\":null");
    }

    @Test
    void checkUsesTheDryRun() throws Exception {
        FakeHttpServer.Reply accept = FakeHttpServer.answer(202, "application/json", "{\"accepted\":2}");
        StringBuilder query = new StringBuilder();
        broker.answering((exchange, server) -> {
            query.append(exchange.getRequestURI().getQuery());
            accept.answer(exchange, server);
        });

        console.run("check", "-c", config.toString());

        assertThat(query.toString()).isEqualTo("dry-run=true");
    }

    @Test
    void checkFailsWhenAHostIsDownOrTheBrokerRefuses() {
        bridge.on("/about/health", FakeHttpServer.status(503));
        broker.answering(FakeHttpServer.answer(401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown token\"}"));

        int code = console.run("check", "-c", config.toString());

        assertThat(code).isEqualTo(1);
        assertThat(console.out.toString()).containsPattern("visio +jitsi +" + HostStatus.DOWN + " +\\? +100 +\\? +yes +videobridge health answers 503")
                .contains("REFUSED (401) Unauthorized: unknown token")
                .contains("Some hosts are not UP. Some brokers refuse");
    }

    @Test
    void checkConfigOnlyReadsTheConfigurationAndTokenButProbesAndSendsNothing() throws Exception {
        bridge.on("/about/health", FakeHttpServer.status(503));

        assertThat(console.run("check", "--config-only", "-c", config.toString())).as(console.err.toString()).isZero();
        assertThat(console.out.toString()).contains("probe-agent.yml: 2 hosts, 1 brokers, token read.");
        assertThat(pad.requests()).isEmpty();
        assertThat(bridge.requests()).isEmpty();
        assertThat(broker.requests()).isEmpty();

        Console noToken = new Console(Map.of());
        assertThat(noToken.run("check", "--config-only", "-c", config.toString())).isEqualTo(2);
        assertThat(noToken.err.toString()).contains("probe-agent.yml line 2: token-env: environment variable ENTRAIDE_TOKEN is not set");

        Files.writeString(config, Files.readString(config).replace("capacity-users: 100", "capacity-users: many"));
        assertThat(console.run("check", "--config-only", "-c", config.toString())).isEqualTo(2);
        assertThat(console.err.toString()).contains("probe-agent.yml line 19: hosts[1].capacity-users: must be a whole number of 1 or more, got 'many'");
    }

    @Test
    void aWrongConfigurationStopsEveryCommandWithTheLine() throws Exception {
        Files.writeString(config, Files.readString(config).replace("capacity-users: 100", "capacity-users: many"));

        assertThat(console.run("check", "-c", config.toString())).isEqualTo(2);
        assertThat(console.run("-c", config.toString())).as("run is the default command").isEqualTo(2);
        assertThat(console.err.toString()).contains("probe-agent.yml line 19: hosts[1].capacity-users: must be a whole number of 1 or more, got 'many'")
                .contains("The agent did not start.");
        assertThat(broker.requests()).isEmpty();
    }

    @Test
    void aConfigurationTheBrokersWouldRefuseStopsCheckAndRunWithTheBrokersWords() throws Exception {
        Files.writeString(config, Files.readString(config).replace("url: http://localhost:9002/",
                "url: http://visio.alpha.example.org/").replace("interval: 30s", "interval: 1h"));

        assertThat(console.run("check", "-c", config.toString())).isEqualTo(2);
        assertThat(console.run("run", "-c", config.toString())).isEqualTo(2);

        assertThat(console.err.toString())
                .contains("probe-agent.yml line 4: interval: must be from 5 to 600 seconds (10 minutes), got 3600")
                .contains("probe-agent.yml line 17: hosts[1].url: 'http://visio.alpha.example.org/' must use https"
                        + " (http only on localhost, 127.0.0.0/8 or [::1])")
                .contains("The agent did not start.");
        assertThat(broker.requests()).as("nothing is sent that a broker would refuse").isEmpty();
    }

    @Test
    void checkWarnsOfABrokerOnPlainHttpAwayFromThisMachine() throws Exception {
        // 192.0.2.1 is reserved for documentation (RFC 5737): nothing answers there, within a short timeout.
        Files.writeString(config, Files.readString(config).replace("brokers: [", "brokers: [http://192.0.2.1:8080, ")
                .replace("timeout: 20s", "timeout: 2s"));

        console.run("check", "-c", config.toString());

        assertThat(console.err.toString()).contains("Warning: probe-agent.yml line 3: brokers[0]: 'http://192.0.2.1:8080' is plain http");
        assertThat(console.out.toString()).contains("broker http://192.0.2.1:8080: REFUSED (no answer)");
    }

    @Test
    void aMetricsPortInUseStopsTheAgentWithAClearMessage() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Files.writeString(config, Files.readString(config).replace("metrics-port: 0", "metrics-port: " + taken.getLocalPort()));

            assertThat(console.run("run", "-c", config.toString())).isEqualTo(2);
            assertThat(console.err.toString()).contains("probe-agent.yml: metrics-port: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aMissingTokenIsAConfigurationError() {
        Console noToken = new Console(Map.of());

        assertThat(noToken.run("check", "-c", config.toString())).isEqualTo(2);
        assertThat(noToken.err.toString()).contains("probe-agent.yml line 2: token-env: environment variable ENTRAIDE_TOKEN is not set");
    }

    @Test
    void drainAndUndrainWriteTheFileTheAgentWatches() throws Exception {
        assertThat(console.run("drain", "pad-1", "-c", config.toString())).isZero();
        assertThat(Files.readAllLines(dir.resolve("probe-agent.drained"))).contains("pad-1");
        assertThat(console.out.toString()).contains("Host pad-1 is now drained");

        assertThat(console.run("drain", "nope", "-c", config.toString())).isEqualTo(2);
        assertThat(console.err.toString()).contains("No host \"nope\"", "[pad-1, visio]");

        assertThat(console.run("undrain", "pad-1", "-c", config.toString())).isZero();
        assertThat(Files.readAllLines(dir.resolve("probe-agent.drained"))).doesNotContain("pad-1");
    }
}
