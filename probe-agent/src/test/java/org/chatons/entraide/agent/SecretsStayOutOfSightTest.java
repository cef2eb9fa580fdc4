package org.chatons.entraide.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.chatons.entraide.agent.adapters.AdapterRegistry;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.Credentials;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.agent.config.SecretRef;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.agent.reporting.PushPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member's token, a host's secret and a user name or password in a broker's URL appear in no log line and no
 * metric label, when brokers refuse, fail and are down. The configuration refuses URLs with a user name; this
 * agent is built without it, as a later change to the configuration could let one through. The tests' log, every
 * level of it, goes to {@code target/agent-tests.log} (src/test/resources/simplelogger.properties).
 */
class SecretsStayOutOfSightTest {

    static final Path LOG = Path.of("target", "agent-tests.log");
    /** Getting a logger starts SLF4J, which opens the file anew: done before its length is taken. */
    static final Logger STARTED = LoggerFactory.getLogger(SecretsStayOutOfSightTest.class);
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String[] SECRETS = {"tok-s3cret-value", "nc-s3cret-value", "brok3r-pw", "member:"};

    @TempDir
    Path dir;

    static URI withUserInfo(URI url) {
        return URI.create(url.toString().replace("http://", "http://member:brok3r-pw@"));
    }

    @Test
    void noSecretInAnyLogLineOrMetricLabel() throws Exception {
        STARTED.info("Looking for secrets in what the agent logs from here");
        long logStart = Files.size(LOG);
        PrometheusMeterRegistry meters = AgentMetrics.prometheusRegistry();
        try (FakeHttpServer cloud = FakeHttpServer.start();
             FakeBroker refusing = new FakeBroker();
             ClosedPort down = new ClosedPort()) {
            cloud.on("/status.php", FakeHttpServer.json("{\"installed\":true,\"maintenance\":false}"))
                    .on("/ocs/v2.php/apps/serverinfo/api/v1/info", FakeHttpServer.status(401));
            refusing.answering(FakeHttpServer.answer(401, "application/problem+json",
                    "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown token\"}"));
            URI refusingUrl = withUserInfo(refusing.url());
            URI downUrl = withUserInfo(down.url());
            HostConfig host = new HostConfig("cloud", "drive", "nextcloud", URI.create("https://cloud.alpha.example.org/"),
                    cloud.url(), 50, new SecretRef(true, "NC", "secret-env", 9), null);
            AgentConfig config = new AgentConfig(dir.resolve("probe-agent.yml"), "alpha",
                    new SecretRef(true, "T", "token-env", 2), List.of(refusingUrl, downUrl), Duration.ofSeconds(30),
                    Duration.ofSeconds(20), 0, List.of(host));
            Credentials credentials = new Credentials(new Secret("tok-s3cret-value"),
                    Map.of("cloud", new Secret("nc-s3cret-value")));

            try (ProbeAgent agent = new ProbeAgent(config, credentials, AdapterRegistry.discover(), Clock.systemUTC(),
                    new PushPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(30)), meters,
                    ProbeAgent.Cadence.of(config))) {
                agent.probeRound().orElseThrow();
                refusing.awaitRequests(1, WAIT);
                awaitScrape(meters, "outcome=\"failure\"");
                awaitScrape(meters, "outcome=\"rejected\"");
            }

            String scrape = meters.scrape();
            byte[] logged = Files.readAllBytes(LOG);
            String log = new String(logged, (int) logStart, logged.length - (int) logStart, StandardCharsets.UTF_8);
            assertThat(scrape).contains("entraide_probe_push_total{broker=\"http://***@127.0.0.1:" + refusing.url().getPort()
                    + "\",outcome=\"rejected\"} 1.0");
            assertThat(log).as("the log is captured").contains("Broker http://***@127.0.0.1:" + refusing.url().getPort()
                    + " refused the report (401): Unauthorized: unknown token");
            assertThat(refusing.requests().get(0).header("Authorization")).as("the token went where it belongs")
                    .isEqualTo("Bearer tok-s3cret-value");
            assertThat(scrape).doesNotContain(SECRETS);
            assertThat(log).doesNotContain(SECRETS);
        }
    }

    static void awaitScrape(PrometheusMeterRegistry meters, String part) throws InterruptedException {
        Awaitility.await(part + " in the metrics").atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> meters.scrape().contains(part));
    }
}
