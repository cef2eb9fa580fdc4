package org.chatons.entraide.agent.reporting;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.protocol.Report;

/**
 * Every broker gets every report, each through its own {@link BrokerChannel} with its own retry and circuit
 * breaker (named after the broker, so Resilience4j's metrics tell them apart).
 */
public final class Reporter implements AutoCloseable {

    private final List<BrokerChannel> channels = new ArrayList<>();

    /**
     * @param brokers  every broker's base URL
     * @param client   the HTTP client shared by the channels
     * @param token    the member's token
     * @param timeout  how long one push waits for the broker
     * @param policy   retry and circuit breaker settings
     * @param metrics  the agent's metrics
     * @param clock    the time source of the circuit breakers (how long a broker is left alone)
     */
    public Reporter(List<URI> brokers, HttpClient client, Secret token, Duration timeout, PushPolicy policy,
                    AgentMetrics metrics, Clock clock) {
        RetryRegistry retries = RetryRegistry.of(policy.retryConfig());
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(policy.circuitBreakerConfig(clock));
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(metrics.registry());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(metrics.registry());
        for (URI broker : brokers) {
            String name = BrokerClient.name(broker);
            channels.add(new BrokerChannel(new BrokerClient(client, broker, token, timeout),
                    retries.retry(name), breakers.circuitBreaker(name), metrics));
        }
    }

    /** Hands the report to every broker's channel; never blocks. */
    public void offer(Report report) {
        channels.forEach(channel -> channel.offer(report));
    }

    /** The channels, one per broker. */
    public List<BrokerChannel> channels() {
        return List.copyOf(channels);
    }

    @Override
    public void close() {
        channels.forEach(BrokerChannel::close);
    }
}
