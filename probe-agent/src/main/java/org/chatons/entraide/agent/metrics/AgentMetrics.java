package org.chatons.entraide.agent.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The agent's own metrics, with the names the coordinators' dashboards use:
 * {@code entraide_probe_up{host}}, {@code entraide_probe_duration_seconds{host}} (the last probe) and
 * {@code entraide_probe_push_total{broker,outcome}}. The registry is injected, so each test gets a fresh one.
 */
public final class AgentMetrics {

    /** Outcome label of a report pushed to a broker. */
    public enum PushOutcome {
        /** 2xx: the broker took the report. */
        SUCCESS("success"),
        /** 4xx: the broker refused it; retrying the same report would not help. */
        REJECTED("rejected"),
        /** 5xx, time-out, refused connection: retried. */
        FAILURE("failure"),
        /** Not sent: the broker's circuit breaker is open after repeated failures. */
        CIRCUIT_OPEN("circuit_open");

        private final String label;

        PushOutcome(String label) {
            this.label = label;
        }

        /** The Prometheus label value. */
        public String label() {
            return label;
        }
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<String, HostGauges> hosts = new ConcurrentHashMap<>();

    /** Last values per host, read by the gauges at scrape time. */
    private static final class HostGauges {
        volatile double up;
        volatile double seconds;
    }

    public AgentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A Prometheus registry with the JVM's and the process's metrics bound, as the running agent serves it. */
    public static PrometheusMeterRegistry prometheusRegistry() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ClassLoaderMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        return meters;
    }

    /** The registry, for Resilience4j's and the JVM's own metrics. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Records one probe of a host. */
    public void probed(String host, boolean up, Duration took) {
        HostGauges gauges = hosts.computeIfAbsent(host, id -> {
            HostGauges g = new HostGauges();
            Gauge.builder("entraide.probe.up", g, x -> x.up).tag("host", id)
                    .description("1 when the host's last probe found it UP, else 0").register(registry);
            Gauge.builder("entraide.probe.duration.seconds", g, x -> x.seconds).tag("host", id)
                    .description("How long the host's last probe took").register(registry);
            return g;
        });
        gauges.up = up ? 1 : 0;
        gauges.seconds = took.toNanos() / 1e9;
    }

    /** Counts one attempt to push a report to a broker. */
    public void pushed(String broker, PushOutcome outcome) {
        Counter.builder("entraide.probe.push").tag("broker", broker).tag("outcome", outcome.label())
                .description("Reports pushed to each broker, by outcome").register(registry).increment();
    }
}
