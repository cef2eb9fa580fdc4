package org.chatons.entraide.broker.publicprobe;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.protocol.HostStatus;

/**
 * Looks at one declared host from outside, politely: one request per probe (NodeInfo's discovery is asked once an
 * hour, its answer kept), asked and read as its software's public probe ({@code probes/}) says, and a Resilience4j circuit
 * breaker per host: after {@code failures-to-open} failures in a row the host is left alone for {@code open-for},
 * then tried once. A host that is not UP is a failure for its circuit.
 *
 * <p>Threat model: a hostile member chooses the address and the answers. The address was checked before
 * (https, or http on the loopback); redirects are not followed; answers are size- and time-bounded; NodeInfo's
 * document is fetched on the host's own origin whatever discovery names; nothing of an answer but the parsed
 * figures and a short reason is kept.
 */
public final class PublicProber implements AutoCloseable {

    private static final Duration DISCOVERY_KEPT = Duration.ofHours(1);

    private final PublicProbeConfig config;
    private final OutsideHttp http;
    private final Clock clock;
    private final CircuitBreakerConfig circuit;
    /** One circuit per host address; a host gone from the federation has its circuit dropped after a day. */
    private final Cache<URI, CircuitBreaker> circuits;
    /** What probes asked to keep between them, by host (NodeInfo's document), for an hour. */
    private final Cache<URI, URI> kept;
    private final Asking asking = new Asking();

    public PublicProber(PublicProbeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = new OutsideHttp(config.timeout(), config.maxBodyBytes(), config.userAgent());
        this.circuit = CircuitBreakerConfig.custom()
                .slidingWindow(config.failuresToOpen(), config.failuresToOpen(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .waitDurationInOpenState(config.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .currentTimestampFunction(c -> c.millis(), TimeUnit.MILLISECONDS)
                .build();
        this.circuits = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofDays(1)).build();
        this.kept = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(DISCOVERY_KEPT).build();
    }

    /**
     * One probe of a host, result and time.
     *
     * @param measurement what was seen: UP, DEGRADED or DOWN with the reason, users when the software counts them
     *                    now, and whether it takes new accounts when it says
     * @param at          when
     * @param skipped     true when the open circuit left the host alone (no request made)
     */
    public record Probed(Measurement measurement, Instant at, boolean skipped) {
    }

    /** Probes the host at that address as its software's public probe says; never throws. */
    public Probed probe(URI url, PublicProbe publicProbe) {
        CircuitBreaker breaker = circuits.get(url, u -> CircuitBreaker.of(u.toString(), circuit));
        if (!breaker.tryAcquirePermission()) {
            return new Probed(Measurement.down("not asked: it failed " + config.failuresToOpen()
                    + " times in a row, asked again after " + config.openFor().toMinutes() + " min"),
                    clock.instant(), true);
        }
        long start = System.nanoTime();
        Measurement measurement;
        try {
            measurement = publicProbe.probe(url, asking);
        } catch (IOException e) {
            measurement = Measurement.down(e.getMessage());
        } catch (RuntimeException e) {
            measurement = Measurement.down("probe failed: " + e.getClass().getSimpleName());
        }
        long took = System.nanoTime() - start;
        if (measurement.status() == HostStatus.UP) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(took, TimeUnit.NANOSECONDS, new IOException(measurement.reason()));
        }
        return new Probed(measurement, clock.instant(), false);
    }

    /** The requests of a probe, and the addresses probes keep between them (NodeInfo's document). */
    private final class Asking implements PublicProbe.Asker {

        @Override
        public Answer get(URI url, String accept) throws IOException {
            OutsideHttp.Raw raw = http.get(url, accept);
            return new Answer(raw.status(), raw.contentType(), new String(raw.body(), StandardCharsets.UTF_8), false,
                    raw.elapsed());
        }

        @Override
        public Duration timeout() {
            return config.timeout();
        }

        @Override
        public Optional<URI> recalled(URI host) {
            return Optional.ofNullable(kept.getIfPresent(host));
        }

        @Override
        public void remember(URI host, URI found) {
            kept.put(host, found);
        }

        @Override
        public void forget(URI host) {
            kept.invalidate(host);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
