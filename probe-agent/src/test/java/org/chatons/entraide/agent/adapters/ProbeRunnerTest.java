package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.json;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.chatons.entraide.agent.ClosedPort;
import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the runner guarantees for every adapter: bounded time, bounded memory, a reason, metrics. */
class ProbeRunnerTest {

    final FakeHttpServer server = FakeHttpServer.start();
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final ExecutorService http = Executors.newFixedThreadPool(2);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        server.close();
        pool.shutdownNow();
        http.shutdownNow();
    }

    ProbeRunner runner(Duration timeout, Adapter... adapters) {
        return new ProbeRunner(new AdapterRegistry(List.of(adapters)), ProbeRunner.httpClient(timeout, http), pool,
                timeout, Clock.systemUTC(), new AgentMetrics(meters));
    }

    static HostConfig host(String id, String software, URI url) {
        return new HostConfig(id, "pad", software, url, url, 100, null, null);
    }

    @Test
    void aServiceThatNeverAnswersIsDownAfterTheTimeoutAndOthersAreStillMeasured() throws Exception {
        server.on("/health", FakeHttpServer.never());
        FakeHttpServer healthy = FakeHttpServer.start().on("/health", json("{\"status\":\"pass\"}"));
        try {
            // Long enough for the healthy one to answer on a busy machine, where a first request may take a while.
            List<ProbeResult> results = runner(Duration.ofSeconds(5), new EtherpadAdapter()).probeAll(List.of(
                    host("stuck", "etherpad", server.url()), host("fine", "etherpad", healthy.url())), Map.of());

            assertThat(results.get(0).measurement().status()).isEqualTo(HostStatus.DOWN);
            assertThat(results.get(0).measurement().reason()).isEqualTo("no answer within 5 s");
            assertThat(results.get(1).measurement().status()).isEqualTo(HostStatus.UP);
        } finally {
            healthy.close();
        }
    }

    @Test
    void hostsWaitingForAThreadBehindStuckOnesStillGetTheirWholeTimeout() throws Exception {
        Adapter sleeper = new FixedAdapter("sleeper", () -> {
            Thread.sleep(60_000);
            return Measurement.up("woke");
        });
        FakeHttpServer healthy = FakeHttpServer.start().on("/health", json("{\"status\":\"pass\"}"));
        ExecutorService onePool = Executors.newFixedThreadPool(1);
        try {
            ProbeRunner oneThread = new ProbeRunner(new AdapterRegistry(List.of(new EtherpadAdapter(), sleeper)),
                    ProbeRunner.httpClient(Duration.ofSeconds(5), http), onePool, Duration.ofSeconds(5),
                    Clock.systemUTC(), new AgentMetrics(meters));

            List<ProbeResult> results = oneThread.probeAll(List.of(host("stuck", "sleeper", server.url()),
                    host("fine", "etherpad", healthy.url())), Map.of());

            assertThat(results.get(0).measurement().status()).isEqualTo(HostStatus.DOWN);
            assertThat(results.get(1).measurement().status()).isEqualTo(HostStatus.UP);
        } finally {
            onePool.shutdownNow();
            healthy.close();
        }
    }

    @Test
    void anAdapterThatHangsOutsideHttpIsAbandoned() throws Exception {
        Adapter sleeper = new FixedAdapter("sleeper", () -> {
            Thread.sleep(60_000);
            return Measurement.up("woke");
        });

        ProbeResult result = runner(Duration.ofMillis(300), sleeper)
                .probeAll(List.of(host("h", "sleeper", server.url())), Map.of()).get(0);

        assertThat(result.measurement().status()).isEqualTo(HostStatus.DOWN);
        assertThat(result.measurement().reason()).contains("no answer within 300 ms");
    }

    @Test
    void anEnormousBodyIsCutAndReportedInsteadOfRead() throws Exception {
        server.on("/health", json("{\"status\":\"pass\"}")).on("/stats", FakeHttpServer.enormous(2L << 30));

        Measurement m = runner(Duration.ofSeconds(10), new EtherpadAdapter())
                .probeAll(List.of(host("big", "etherpad", server.url())), Map.of()).get(0).measurement();

        assertThat(m.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(m.reason()).contains("answer larger than 256 KiB");
    }

    @Test
    void aClosedPortIsDownWithAReason() throws Exception {
        Measurement m;
        try (ClosedPort closed = new ClosedPort()) {
            URI nothing = URI.create(closed.url() + "/");
            // A refusal comes at once: the long timeout only keeps a busy machine from turning it into "no answer".
            m = runner(Duration.ofSeconds(60), new EtherpadAdapter())
                    .probeAll(List.of(host("gone", "etherpad", nothing)), Map.of()).get(0).measurement();
        }

        assertThat(m.status()).isEqualTo(HostStatus.DOWN);
        assertThat(m.reason()).isEqualTo("connection refused");
    }

    @Test
    void anAdapterBugIsADownHostNotACrash() throws Exception {
        Adapter broken = new FixedAdapter("broken", () -> {
            throw new IllegalStateException("bug");
        });

        // The bug throws at once: the long timeout only keeps a busy machine from turning it into "no answer".
        Measurement m = runner(Duration.ofSeconds(60), broken)
                .probeAll(List.of(host("h", "broken", server.url())), Map.of()).get(0).measurement();

        assertThat(m.status()).isEqualTo(HostStatus.DOWN);
        assertThat(m.reason()).contains("probe failed", "bug");
    }

    @Test
    void eachProbeSetsTheHostsUpAndDurationGauges() throws Exception {
        server.on("/health", json("{\"status\":\"pass\"}"));
        ProbeRunner runner = runner(Duration.ofSeconds(10), new EtherpadAdapter());

        runner.probeAll(List.of(host("pad-1", "etherpad", server.url())), Map.of());
        assertThat(meters.get("entraide.probe.up").tag("host", "pad-1").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("entraide.probe.duration.seconds").tag("host", "pad-1").gauge().value()).isPositive();

        server.on("/health", FakeHttpServer.status(503));
        runner.probeAll(List.of(host("pad-1", "etherpad", server.url())), Map.of());
        assertThat(meters.get("entraide.probe.up").tag("host", "pad-1").gauge().value()).isEqualTo(0.0);
    }

    /** An adapter whose probe is given by the test. */
    record FixedAdapter(String software, Body body) implements Adapter {
        interface Body {
            Measurement run() throws Exception;
        }

        @Override
        public Measurement probe(Target target, Http http) {
            try {
                return body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Measurement.down("interrupted");
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
