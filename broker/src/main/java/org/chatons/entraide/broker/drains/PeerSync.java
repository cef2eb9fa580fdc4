package org.chatons.entraide.broker.drains;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import org.chatons.entraide.broker.config.SchedulingSwitch;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares drain decisions with the other brokers of the deployment ({@code broker.peers}): anti-entropy. Every
 * {@code broker.peer-sync-interval}, and at once when a coordinator decides on this broker, it sends each peer
 * every decision it holds ({@code POST /api/v1/admin/drains}, with the admin token); the peer takes those newer
 * than its own and answers with all of its own, of which this broker takes the newer ones in turn. One exchange
 * brings two brokers to the same decisions; a broker that was down catches up at its first round after starting.
 */
@Singleton
public final class PeerSync {

    static final String PATH = "/api/v1/admin/drains";
    private static final Logger LOG = LoggerFactory.getLogger(PeerSync.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** A peer's answer larger than this is not read: far more decisions than a federation takes. */
    private static final int MAX_ANSWER = 1024 * 1024;

    private final List<URI> peers;
    private final String authorization;
    private final Drains drains;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    /** Whether the last exchange with each peer worked, so a peer going away or coming back is logged once. */
    private final Map<URI, Boolean> reachable = new ConcurrentHashMap<>();

    public PeerSync(BrokerConfig config, Drains drains, JsonMapper json, MeterRegistry meters) {
        this.peers = config.peerUrls();
        this.authorization = "Bearer " + config.adminToken();
        this.drains = drains;
        this.json = json;
        this.meters = meters;
    }

    /** One round with every peer, waiting for all of them (each bounded by its timeout). */
    @Scheduled(fixedDelay = "${broker.peer-sync-interval}", initialDelay = "2s", condition = SchedulingSwitch.ON)
    public void exchangeWithAll() {
        CompletableFuture.allOf(peers.stream().map(this::exchange).toArray(CompletableFuture[]::new)).join();
    }

    /** A coordinator decided here: the peers hear of it now, not at the next round. */
    @EventListener
    void decided(DrainDecided decided) {
        peers.forEach(this::exchange);
    }

    /** Sends the peer every decision held and takes the newer of its answer; completes false when that failed. */
    CompletableFuture<Boolean> exchange(URI peer) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(peer.toString().replaceAll("/+$", "") + PATH))
                    .timeout(TIMEOUT).header("Authorization", authorization)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(new DrainList(drains.states()))))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> take(peer, response))
                .exceptionally(e -> failed(peer, why(e.getCause() == null ? e : e.getCause())));
    }

    private boolean take(URI peer, HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_ANSWER + 1);
            if (response.statusCode() != 200) {
                return failed(peer, "answered " + response.statusCode() + ": "
                        + new String(bytes, 0, Math.min(bytes.length, 300), java.nio.charset.StandardCharsets.UTF_8));
            }
            if (bytes.length > MAX_ANSWER) {
                return failed(peer, "answered more than " + MAX_ANSWER + " bytes");
            }
            List<DrainState> theirs = json.readValue(bytes, DrainList.class).drains().stream()
                    .filter(s -> s != null && s.problem() == null).toList();
            drains.merge(theirs);
        } catch (IOException | RuntimeException e) {
            return failed(peer, e.toString());
        }
        count(peer, "ok");
        if (!Boolean.TRUE.equals(reachable.put(peer, true))) {
            LOG.info("Sharing drains with the broker {}", peer);
        }
        return true;
    }

    private static String why(Throwable failure) {
        if (failure instanceof java.net.ConnectException) {
            return "cannot connect (down, or not listening there)";
        }
        if (failure instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        return failure.toString();
    }

    private boolean failed(URI peer, String why) {
        count(peer, "failed");
        if (!Boolean.FALSE.equals(reachable.put(peer, false))) {
            LOG.warn("Could not share drains with the broker {}: {} (trying again every round)", peer, why);
        }
        return false;
    }

    private void count(URI peer, String outcome) {
        Counter.builder("entraide.drain.exchanges").description("Exchanges of drain decisions with other brokers")
                .tag("peer", peer.toString()).tag("outcome", outcome).register(meters).increment();
    }
}
