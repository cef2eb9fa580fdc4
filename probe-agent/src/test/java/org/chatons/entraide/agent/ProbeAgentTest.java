package org.chatons.entraide.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
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
 * The running agent, against a fake Etherpad and a fake broker. Rounds, full reports and drain checks are
 * triggered by the test and the clock is the test's, so what is reported, and when it says it was measured, does
 * not depend on how fast the machine runs: only the delivery to the broker is waited for, without a time limit
 * that a busy machine could miss.
 */
class ProbeAgentTest {

    /** Only a bound for waiting on the fake broker; nothing is asserted about how long anything takes. */
    static final Duration WAIT = Duration.ofSeconds(60);
    /** Long enough that no probe nor push of a local fake times out however busy the machine is. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");

    @TempDir
    Path dir;
    final FakeHttpServer pad = FakeHttpServer.start();
    final FakeBroker broker = new FakeBroker();
    final PrometheusMeterRegistry meters = AgentMetrics.prometheusRegistry();
    final MutableClock clock = new MutableClock(T0);
    AgentConfig config;
    ProbeAgent agent;

    @BeforeEach
    void build() {
        pad.on("/health", FakeHttpServer.json("{\"status\":\"pass\"}"))
                .on("/stats", FakeHttpServer.json("{\"totalUsers\":3}"));
        HostConfig host = new HostConfig("pad-1", "pad", "etherpad", URI.create("https://pad.alpha.example.org/"),
                pad.url(), 50, null, null);
        config = new AgentConfig(dir.resolve("probe-agent.yml"), "alpha", new SecretRef(true, "T", "token-env", 2),
                List.of(broker.url()), Duration.ofSeconds(30), TIMEOUT, 0, List.of(host));
        agent = new ProbeAgent(config, new Credentials(new Secret("tok"), Map.of()), AdapterRegistry.discover(),
                clock.utc(), PushPolicy.standard(), meters, ProbeAgent.Cadence.of(config));
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

    /** Waits until the broker got this very report. */
    Report delivered(Report report) throws InterruptedException {
        return broker.awaitReport(report::equals, WAIT);
    }

    @Test
    void theFirstRoundIsReportedThenEveryStatusChangeAtOnceAndNothingElse() throws Exception {
        Report first = delivered(agent.probeRound().orElseThrow());
        assertThat(first.member()).isEqualTo("alpha");
        assertThat(first.intervalSeconds()).isEqualTo(30);
        assertThat(host(first)).extracting(HostReport::status, HostReport::activeUsers, HostReport::capacityUsers)
                .containsExactly(HostStatus.UP, 3, 50);
        assertThat(agent.probeRound()).as("nothing changed: no report").isEmpty();

        pad.on("/health", FakeHttpServer.status(503));
        clock.advance(Duration.ofSeconds(10));
        Report down = delivered(agent.probeRound().orElseThrow());
        assertThat(agent.probeRound()).as("still down: no report").isEmpty();
        pad.on("/health", FakeHttpServer.json("{\"status\":\"pass\"}"));
        clock.advance(Duration.ofSeconds(10));
        Report back = delivered(agent.probeRound().orElseThrow());

        assertThat(host(down).status()).isEqualTo(HostStatus.DOWN);
        assertThat(host(down).detail()).contains("503");
        assertThat(host(back).status()).isEqualTo(HostStatus.UP);
        assertThat(back.sentAt()).isAfter(down.sentAt()).isAfter(first.sentAt());
        assertThat(broker.reports()).as("one report per change, nothing in between").containsExactly(first, down, back);
    }

    @Test
    void theFullReportCarriesWhenEachHostWasMeasuredNeverAfterItIsSent() throws Exception {
        assertThat(agent.reportAll()).as("before the first round, no report: it must list every host").isEmpty();
        Report first = delivered(agent.probeRound().orElseThrow());
        assertThat(host(first).measuredAt()).isEqualTo(T0).isEqualTo(first.sentAt());

        clock.advance(Duration.ofSeconds(30));
        Report periodic = delivered(agent.reportAll().orElseThrow());

        assertThat(periodic.sentAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(host(periodic).measuredAt()).as("the last round's start").isEqualTo(T0);
        clock.advance(Duration.ofSeconds(1));
        agent.probeRound();
        clock.advance(Duration.ofSeconds(2));
        assertThat(host(agent.reportAll().orElseThrow()).measuredAt()).isEqualTo(T0.plusSeconds(31));
    }

    @Test
    void drainingAHostIsReportedAtOnce() throws Exception {
        delivered(agent.probeRound().orElseThrow());

        DrainFile.beside(config.file()).set("pad-1", true);
        Report drained = delivered(agent.checkDrainFile().orElseThrow());
        assertThat(agent.checkDrainFile()).as("no change since").isEmpty();
        DrainFile.beside(config.file()).set("pad-1", false);
        Report undrained = delivered(agent.checkDrainFile().orElseThrow());

        assertThat(host(drained).acceptsNewUsers()).isFalse();
        assertThat(host(drained).detail()).startsWith("drained for maintenance");
        assertThat(host(drained).status()).isEqualTo(HostStatus.UP);
        assertThat(host(undrained).acceptsNewUsers()).isTrue();
        assertThat(host(undrained).detail()).doesNotContain("drained");
    }

    @Test
    void startSetsTheRoundsGoingOnTimers() throws Exception {
        agent.start();

        Report report = broker.awaitReport(r -> true, WAIT);

        assertThat(host(report).status()).isEqualTo(HostStatus.UP);
    }

    @Test
    void metricsAreServedWithTheDashboardsNames() throws Exception {
        delivered(agent.probeRound().orElseThrow());
        try (MetricsServer server = MetricsServer.start(InetAddress.getLoopbackAddress(), 0, meters)) {
            String scrape = Awaitility.await("the push's success in the served metrics").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(20)).until(() -> HttpClient.newHttpClient().send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body(), body -> body.contains("outcome=\"success\""));

            assertThat(scrape).contains("entraide_probe_up{host=\"pad-1\"} 1.0")
                    .contains("entraide_probe_duration_seconds{host=\"pad-1\"}")
                    .contains("entraide_probe_push_total{broker=\"" + broker.url() + "\",outcome=\"success\"} 1.0")
                    .contains("resilience4j_circuitbreaker_state{")
                    .contains("resilience4j_retry_calls_total{")
                    .contains("jvm_memory_used_bytes{");
        }
    }
}
