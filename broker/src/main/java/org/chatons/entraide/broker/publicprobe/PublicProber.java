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
import java.util.concurrent.TimeUnit;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.EtherpadAnswers;
import org.chatons.entraide.probes.HedgedocAnswers;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.NextcloudAnswers;
import org.chatons.entraide.probes.NodeinfoAnswers;
import org.chatons.entraide.probes.PlainAnswers;
import org.chatons.entraide.probes.UnreadableAnswer;
import org.chatons.entraide.protocol.HostStatus;

/**
 * Looks at one declared host from outside, politely: one request per probe (NodeInfo's discovery is asked once an
 * hour, its answer cached), the answer read with the shared parsers of {@code probes/}, and a Resilience4j circuit
 * breaker per host: after {@code failures-to-open} failures in a row the host is left alone for {@code open-for},
 * then tried once. A host that is not UP is a failure for its circuit.
 *
 * <p>Threat model: a hostile member chooses the address and the answers. The address was checked before
 * (https, or http on the loopback); redirects are not followed; answers are size- and time-bounded; NodeInfo's
 * document is fetched on the host's own origin whatever discovery names; nothing of an answer but the parsed
 * figures and a short reason is kept.
 */
public final class PublicProber implements AutoCloseable {

    private static final String JSON = "application/json";
    private static final Duration DISCOVERY_KEPT = Duration.ofHours(1);

    private final PublicProbeConfig config;
    private final OutsideHttp http;
    private final Clock clock;
    private final CircuitBreakerConfig circuit;
    /** One circuit per host address; a host gone from the federation has its circuit dropped after a day. */
    private final Cache<URI, CircuitBreaker> circuits;
    private final Cache<URI, URI> nodeinfoDocuments;

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
        this.nodeinfoDocuments = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(DISCOVERY_KEPT).build();
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

    /** Probes the host at that address as software of that kind; never throws. */
    public Probed probe(URI url, ProbeKind kind) {
        CircuitBreaker breaker = circuits.get(url, u -> CircuitBreaker.of(u.toString(), circuit));
        if (!breaker.tryAcquirePermission()) {
            return new Probed(Measurement.down("not asked: it failed " + config.failuresToOpen()
                    + " times in a row, asked again after " + config.openFor().toMinutes() + " min"),
                    clock.instant(), true);
        }
        long start = System.nanoTime();
        Measurement measurement;
        try {
            measurement = measure(url, kind);
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

    private Measurement measure(URI url, ProbeKind kind) throws IOException {
        URI base = base(url);
        return switch (kind) {
            case ETHERPAD -> EtherpadAnswers.statsAlone(get(base.resolve("stats"), JSON));
            case NEXTCLOUD -> NextcloudAnswers.status(get(base.resolve(NextcloudAnswers.STATUS), JSON));
            case HEDGEDOC -> HedgedocAnswers.status(get(base.resolve(HedgedocAnswers.STATUS), JSON));
            case NODEINFO -> nodeinfo(base);
            case PLAIN -> PlainAnswers.answer(get(url, "text/html, */*;q=0.5"), config.timeout());
        };
    }

    /** The document's address from a cached discovery, so a steady probe is one request. */
    private Measurement nodeinfo(URI base) throws IOException {
        URI document = nodeinfoDocuments.getIfPresent(base);
        if (document == null) {
            try {
                document = NodeinfoAnswers.documentUrl(get(base.resolve(NodeinfoAnswers.DISCOVERY), JSON), base);
            } catch (UnreadableAnswer e) {
                return Measurement.down(e.getMessage());
            }
            nodeinfoDocuments.put(base, document);
        }
        Answer answer = get(document, JSON);
        if (!answer.ok()) {
            nodeinfoDocuments.invalidate(base); // moved: discover again next time
        }
        return NodeinfoAnswers.document(answer);
    }

    private Answer get(URI url, String accept) throws IOException {
        OutsideHttp.Raw raw = http.get(url, accept);
        return new Answer(raw.status(), raw.contentType(), new String(raw.body(), StandardCharsets.UTF_8), false,
                raw.elapsed());
    }

    /** The address ending with a slash, so that an API path such as {@code "stats"} resolves under it. */
    static URI base(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + path);
    }

    @Override
    public void close() {
        http.close();
    }
}
