package org.chatons.entraide.broker.drains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.drains.DrainsTest.PAD_1;
import static org.chatons.entraide.broker.drains.DrainsTest.PAD_2;
import static org.chatons.entraide.broker.drains.DrainsTest.alphaReports;
import static org.chatons.entraide.broker.drains.DrainsTest.started;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two brokers of one deployment: a drain made on either holds on both, and one that was down catches up. */
class PeerSyncTest {

    @TempDir
    Path dir;

    /**
     * A broker on a free port; with a peer, it exchanges drains with it, at once after a decision and otherwise in
     * rounds only when the test asks: its scheduled jobs are off, so no round comes between two steps.
     */
    EmbeddedServer broker(String name, EmbeddedServer peer, String adminToken) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "broker.members-file", "src/test/resources/test-members.yml",
                "broker.drains-file", dir.resolve(name + "-drains.txt").toString(),
                "broker.peer-sync-interval", "1h", "broker.scheduled-jobs", "false"));
        if (peer != null) {
            settings.put("broker.peers", peer.getURL().toString());
            settings.put("broker.admin-token", adminToken);
            // The token alone decides which token this broker takes too.
            settings.put("broker.admin-token-sha256", "");
        }
        return started(ApplicationContext.builder().environments("test").properties(settings)
                .run(EmbeddedServer.class));
    }

    static boolean drained(EmbeddedServer broker, org.chatons.entraide.broker.registry.HostKey key) {
        return broker.getApplicationContext().getBean(HostRegistry.class).isDrained(key);
    }

    static int put(EmbeddedServer broker, String path, String method) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(broker.getURI().resolve(path))
                        .header("Authorization", "Bearer admin-token").method(method, HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(20)).until(condition::getAsBoolean);
    }

    @Test
    void aDrainMadeOnEitherBrokerHoldsOnBothWithoutBeingRepeated() throws Exception {
        try (EmbeddedServer first = broker("first", null, null);
             EmbeddedServer second = broker("second", first, "admin-token")) {
            alphaReports(first.getApplicationContext());
            alphaReports(second.getApplicationContext());
            PeerSync sync = second.getApplicationContext().getBean(PeerSync.class);

            // Drained on the first broker, which does not know the second: the second's next round brings it.
            assertThat(put(first, "/api/v1/admin/hosts/alpha/pad-1/drain", "PUT")).isEqualTo(200);
            assertThat(drained(second, PAD_1)).isFalse();
            sync.exchangeWithAll();
            assertThat(drained(second, PAD_1)).isTrue();

            // Undrained and another drained on the second: it tells the first at once.
            second.getApplicationContext().getBean(TestClock.class).advance(Duration.ofSeconds(5));
            assertThat(put(second, "/api/v1/admin/hosts/alpha/pad-1/drain", "DELETE")).isEqualTo(200);
            assertThat(put(second, "/api/v1/admin/hosts/alpha/pad-2/drain", "PUT")).isEqualTo(200);
            await(() -> !drained(first, PAD_1) && drained(first, PAD_2), "the first broker hears of it");

            assertThat(first.getApplicationContext().getBean(Drains.class).states())
                    .containsExactlyInAnyOrderElementsOf(second.getApplicationContext().getBean(Drains.class).states());
        }
    }

    @Test
    void aBrokerThatWasDownCatchesUpWithWhatWasDecidedMeanwhile() throws Exception {
        try (EmbeddedServer first = broker("first", null, null)) {
            alphaReports(first.getApplicationContext());
            try (EmbeddedServer second = broker("second", first, "admin-token")) {
                alphaReports(second.getApplicationContext());
                assertThat(put(second, "/api/v1/admin/hosts/alpha/pad-1/drain", "PUT")).isEqualTo(200);
                await(() -> drained(first, PAD_1), "the first broker hears of the drain");
            }
            // While the second is down: pad-1 undrained, pad-2 drained.
            first.getApplicationContext().getBean(TestClock.class).advance(Duration.ofSeconds(5));
            assertThat(put(first, "/api/v1/admin/hosts/alpha/pad-1/drain", "DELETE")).isEqualTo(200);
            assertThat(put(first, "/api/v1/admin/hosts/alpha/pad-2/drain", "PUT")).isEqualTo(200);

            try (EmbeddedServer second = broker("second", first, "admin-token")) {
                assertThat(drained(second, PAD_1)).as("from its own drains file").isTrue();
                second.getApplicationContext().getBean(PeerSync.class).exchangeWithAll();
                assertThat(drained(second, PAD_1)).isFalse();
                assertThat(drained(second, PAD_2)).isTrue();
            }
        }
    }

    @Test
    void aBrokerWithoutTheRightTokenChangesNothingAndTheFailureIsCounted() throws Exception {
        try (EmbeddedServer first = broker("first", null, null);
             EmbeddedServer impostor = broker("impostor", first, "not-the-admin-token")) {
            alphaReports(first.getApplicationContext());
            alphaReports(impostor.getApplicationContext());
            impostor.getApplicationContext().getBean(Drains.class).decide(PAD_1, true);

            impostor.getApplicationContext().getBean(PeerSync.class).exchangeWithAll();

            assertThat(drained(first, PAD_1)).isFalse();
            assertThat(first.getApplicationContext().getBean(Drains.class).states()).isEmpty();
            MeterRegistry meters = impostor.getApplicationContext().getBean(MeterRegistry.class);
            assertThat(meters.get("entraide.drain.exchanges").tag("outcome", "failed").counter().count())
                    .isGreaterThanOrEqualTo(1);
            assertThat(put(first, "/api/v1/admin/drains", "GET")).isEqualTo(200);
        }
    }
}
