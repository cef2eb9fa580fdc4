package org.chatons.entraide.agent.adapters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.probes.Measurement;

/** Runs one adapter through the real {@link ProbeRunner}, as the agent does, against a test server. */
final class Probe {

    /** Long: no answer of a local test server comes near it however busy the machine (half of it is "slowly"). */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Probe() {
    }

    static Measurement probe(Adapter adapter, URI url) throws InterruptedException {
        return probe(adapter, url, null, TIMEOUT, Clock.systemUTC());
    }

    static Measurement probe(Adapter adapter, URI url, Secret secret, Duration timeout, Clock clock)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        ExecutorService http = Executors.newFixedThreadPool(2);
        try {
            ProbeRunner runner = new ProbeRunner(new AdapterRegistry(List.of(adapter)),
                    ProbeRunner.httpClient(timeout, http), pool, timeout, clock, new AgentMetrics(new SimpleMeterRegistry()));
            HostConfig host = new HostConfig("host-1", "pad", adapter.software(), url, url, 100, null, null);
            return runner.probeAll(List.of(host), secret == null ? Map.of() : Map.of("host-1", secret))
                    .get(0).measurement();
        } finally {
            pool.shutdownNow();
            http.shutdownNow();
        }
    }
}
