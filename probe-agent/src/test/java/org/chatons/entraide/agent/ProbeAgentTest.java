package org.chatons.entraide.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.agent.adapters.AdapterRegistry;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.Credentials;
import org.chatons.entraide.agent.config.DrainFile;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.agent.config.SecretRef;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.agent.metrics.MetricsServer;
import org.chatons.entraide.agent.reporting.PushPolicy;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running agent, against a fake Etherpad and a fake broker. Full reports are due only every hour here, so
 * any later report the broker sees was pushed because something changed.
 */
class ProbeAgentTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final ProbeAgent.Cadence CHANGES_ONLY = new ProbeAgent.Cadence(Duration.ofMillis(100), Duration.ofHours(1));

    @TempDir
    Path dir;
    final FakeHttpServer pad = FakeHttpServer.start();
    final FakeBroker broker = new FakeBroker();
    final PrometheusMeterRegistry meters = AgentMetrics.prometheusRegistry();
    AgentConfig config;
    ProbeAgent agent;

    @BeforeEach
    void start() throws Exception {
        pad.on("/health", FakeHttpServer.json("{\"status\":\"pass\"}"))
                .on("/stats", FakeHttpServer.json("{\"totalUsers\":3}"));
        HostConfig host = new HostConfig("pad-1", "pad", "etherpad", URI.create("https://pad.alpha.example.org/"),
                pad.url(), 50, null, null);
        config = new AgentConfig(dir.resolve("probe-agent.yml"), "alpha", new SecretRef(true, "T", "token-env", 2),
                List.of(broker.url()), Duration.ofSeconds(30), Duration.ofSeconds(2), 0, List.of(host));
        agent = new ProbeAgent(config, new Credentials(new Secret("tok"), Map.of()), AdapterRegistry.discover(),
                Clock.systemUTC(), PushPolicy.standard(), meters, CHANGES_ONLY);
        agent.start();
    }

    @AfterEach
    void stop() {
        agent.close();
        pad.close();
        broker.close();
    }

    static HostReport host(Report report) {
        return report.hosts().get(0);
    }

    @Test
    void theFirstRoundIsReportedThenEveryStatusChangeAtOnce() throws Exception {
        Report first = broker.awaitReport(r -> true, WAIT);
        assertThat(first.member()).isEqualTo("alpha");
        assertThat(first.intervalSeconds()).isEqualTo(30);
        assertThat(host(first)).extracting(HostReport::status, HostReport::activeUsers, HostReport::capacityUsers)
                .containsExactly(HostStatus.UP, 3, 50);

        pad.on("/health", FakeHttpServer.status(503));
        Report down = broker.awaitReport(r -> host(r).status() == HostStatus.DOWN, WAIT);
        pad.on("/health", FakeHttpServer.json("{\"status\":\"pass\"}"));
        Report back = broker.awaitReport(r -> r.sentAt().isAfter(down.sentAt()) && host(r).status() == HostStatus.UP, WAIT);

        assertThat(host(down).detail()).contains("503");
        assertThat(back.sentAt()).isAfter(down.sentAt()).isAfter(first.sentAt());
        assertThat(broker.reports()).as("one report per change, nothing in between").hasSize(3);
    }

    @Test
    void drainingAHostIsPushedAtOnce() throws Exception {
        broker.awaitReport(r -> true, WAIT);

        DrainFile.beside(config.file()).set("pad-1", true);
        Report drained = broker.awaitReport(r -> !host(r).acceptsNewUsers(), WAIT);
        DrainFile.beside(config.file()).set("pad-1", false);
        Report undrained = broker.awaitReport(r -> r.sentAt().isAfter(drained.sentAt()) && host(r).acceptsNewUsers(), WAIT);

        assertThat(host(drained).detail()).startsWith("drained for maintenance");
        assertThat(host(drained).status()).isEqualTo(HostStatus.UP);
        assertThat(host(undrained).detail()).doesNotContain("drained");
    }

    @Test
    void metricsAreServedWithTheDashboardsNames() throws Exception {
        broker.awaitReport(r -> true, WAIT);
        try (MetricsServer server = MetricsServer.start(InetAddress.getLoopbackAddress(), 0, meters)) {
            String scrape = "";
            long end = System.nanoTime() + WAIT.toNanos();
            while (!scrape.contains("outcome=\"success\"") && System.nanoTime() < end) {
                scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Thread.sleep(20);
            }

            assertThat(scrape).contains("entraide_probe_up{host=\"pad-1\"} 1.0")
                    .contains("entraide_probe_duration_seconds{host=\"pad-1\"}")
                    .contains("entraide_probe_push_total{broker=\"" + broker.url() + "\",outcome=\"success\"} 1.0")
                    .contains("resilience4j_circuitbreaker_state{")
                    .contains("resilience4j_retry_calls_total{")
                    .contains("jvm_memory_used_bytes{");
        }
    }
}
