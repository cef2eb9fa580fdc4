package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.agent.http.BoundedExchange;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs adapters: the one place that applies the timeout, times each probe, records its metrics and turns every
 * failure into a DOWN measurement with a reason. Probes run in parallel on a bounded pool; a probe that overruns
 * is abandoned (interrupted) so a host that never answers costs one timeout, never a hung agent. Each result
 * carries the instant its probe started, which the report gives as the host's {@code measuredAt}.
 */
public final class ProbeRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeRunner.class);
    /** Beyond the timeout the HTTP client enforces, the time a stuck probe gets before it is abandoned. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private final AdapterRegistry registry;
    private final HttpClient client;
    private final ExecutorService pool;
    private final Duration timeout;
    private final Clock clock;
    private final AgentMetrics metrics;

    /**
     * @param registry the adapters
     * @param client   the shared HTTP client
     * @param pool     a bounded pool that runs the probes
     * @param timeout  how long one probe may take
     * @param clock    the time source adapters see
     * @param metrics  where probe metrics go
     */
    public ProbeRunner(AdapterRegistry registry, HttpClient client, ExecutorService pool, Duration timeout, Clock clock,
                       AgentMetrics metrics) {
        this.registry = registry;
        this.client = client;
        this.pool = pool;
        this.timeout = timeout;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** An HTTP client fit for probing: no redirects followed, HTTP/1.1, a bounded executor. */
    public static HttpClient httpClient(Duration connectTimeout, ExecutorService executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    /**
     * Probes every host once, in parallel; returns in the hosts' order. Each probe gets the whole timeout from the
     * moment it starts, so hosts waiting for a free thread behind slow ones are not cut short; a round with more
     * hosts than threads takes at most a few timeouts.
     */
    public List<ProbeResult> probeAll(List<HostConfig> hosts, Map<String, Secret> secrets) throws InterruptedException {
        long start = System.nanoTime();
        Instant roundStart = clock.instant();
        Map<String, Long> started = new ConcurrentHashMap<>();
        Map<String, Instant> startedAt = new ConcurrentHashMap<>();
        Map<String, Duration> durations = new ConcurrentHashMap<>();
        List<Future<Measurement>> futures = new ArrayList<>();
        for (HostConfig host : hosts) {
            futures.add(pool.submit(() -> {
                startedAt.put(host.id(), clock.instant());
                started.put(host.id(), System.nanoTime());
                return run(host, secrets.get(host.id()), durations);
            }));
        }
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            HostConfig host = hosts.get(i);
            Measurement measurement = await(futures.get(i), host, started);
            Duration own = durations.getOrDefault(host.id(), Duration.ofNanos(System.nanoTime()
                    - started.getOrDefault(host.id(), start)));
            metrics.probed(host.id(), measurement.status() == HostStatus.UP, own);
            results.add(new ProbeResult(host.id(), host.software(), measurement, own,
                    startedAt.getOrDefault(host.id(), roundStart)));
        }
        return results;
    }

    /** Waits for one probe until its own deadline (timeout plus grace from its start); abandons it after. */
    private Measurement await(Future<Measurement> future, HostConfig host, Map<String, Long> started)
            throws InterruptedException {
        long budget = timeout.plus(GRACE).toNanos();
        while (true) {
            Long begun = started.get(host.id());
            // Not started yet: threads are busy with earlier probes, each bounded by its own deadline.
            long wait = begun == null ? budget : begun + budget - System.nanoTime();
            try {
                return future.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (begun != null) {
                    future.cancel(true);
                    return Measurement.down("no answer within " + BoundedExchange.words(timeout));
                }
            } catch (ExecutionException e) {
                // run() catches everything; this would be a bug, and still must not stop the agent.
                return Measurement.down("probe failed: " + e.getCause());
            }
        }
    }

    private Measurement run(HostConfig host, Secret secret, Map<String, Duration> durations) {
        long start = System.nanoTime();
        Adapter adapter = registry.get(host.software());
        Target target = new Target(host.id(), host.probeUrl(), secret, timeout, clock);
        Measurement measurement;
        try {
            measurement = adapter.probe(target, new Http(client, timeout, Http.DEFAULT_MAX_BODY_BYTES));
        } catch (HttpFault e) {
            measurement = new Measurement(e.status(), null, null, null, e.getMessage());
        } catch (HttpConnectTimeoutException e) {
            measurement = Measurement.down("no connection within " + BoundedExchange.words(timeout));
        } catch (HttpTimeoutException e) {
            // Says whether the service answered at all, or began to and did not finish.
            measurement = Measurement.down(e.getMessage());
        } catch (ConnectException e) {
            measurement = Measurement.down("connection refused");
        } catch (IOException e) {
            measurement = Measurement.down("network error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            measurement = Measurement.down("no answer within " + BoundedExchange.words(timeout));
        } catch (RuntimeException e) {
            LOG.warn("The {} adapter failed on host {}", host.software(), host.id(), e);
            measurement = Measurement.down("probe failed: " + e);
        }
        durations.put(host.id(), Duration.ofNanos(System.nanoTime() - start));
        return measurement;
    }
}
