package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.agent.FaultyService;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Probed services that misbehave, each the way real ones do: the shared HTTP layer and the runner, not the
 * adapters, turn every fault into DOWN or DEGRADED with a reason, read a bounded amount, and let the connection go.
 * The {@link Timeout}s only keep a regression from hanging the build; nothing here asserts how long a probe took.
 */
class ProbeFaultsTest {

    static final String PASS = "{\"status\":\"pass\"}";

    final List<AutoCloseable> services = new ArrayList<>();
    final ExecutorService http = Executors.newFixedThreadPool(2);
    final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable service : services) {
            service.close();
        }
        pools.forEach(ExecutorService::shutdownNow);
        http.shutdownNow();
    }

    <T extends AutoCloseable> T service(T service) {
        services.add(service);
        return service;
    }

    ProbeRunner runner(Duration timeout, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        pools.add(pool);
        return new ProbeRunner(new AdapterRegistry(List.of(new EtherpadAdapter(), new HttpAdapter())),
                ProbeRunner.httpClient(timeout, http), pool, timeout, Clock.systemUTC(),
                new AgentMetrics(new SimpleMeterRegistry()));
    }

    static HostConfig host(String id, String software, URI probeUrl) {
        return new HostConfig(id, "pad", software, URI.create("https://" + id + ".example.org/"), probeUrl, 100, null,
                null);
    }

    /** The services, each with one fault, by name. */
    Map<String, URI> faults() {
        Map<String, URI> urls = new LinkedHashMap<>();
        urls.put("reset", service(FaultyService.start(FaultyService.reset())).url());
        urls.put("empty", service(FakeHttpServer.start()).on("/health", FakeHttpServer.json(""))
                .on("/", FakeHttpServer.answer(200, "text/html", "")).url());
        urls.put("truncated", service(FaultyService.start(FaultyService.truncated(PASS, 5))).url());
        urls.put("gigabyte", service(FaultyService.start(FaultyService.enormous(1L << 30))).url());
        urls.put("loop", service(FakeHttpServer.start()).on("/health", redirect("/a")).on("/a", redirect("/health"))
                .on("/", redirect("/a")).url());
        urls.put("elsewhere", service(FakeHttpServer.start())
                .on("/health", redirect("https://sso.example.org/login?next=/health"))
                .on("/", redirect("https://login:secret@sso.example.org/login")).url());
        return urls;
    }

    static FakeHttpServer.Reply redirect(String location) {
        return (exchange, server) -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    Map<String, Measurement> probe(ProbeRunner runner, List<HostConfig> hosts) throws InterruptedException {
        Map<String, Measurement> found = new LinkedHashMap<>();
        runner.probeAll(hosts, Map.of()).forEach(r -> found.put(r.hostId(), r.measurement()));
        return found;
    }

    @Test
    @Timeout(120)
    void everyFaultOfAnApiIsDownOrDegradedWithItsReasonRoundAfterRound() throws Exception {
        List<HostConfig> hosts = new ArrayList<>();
        faults().forEach((name, url) -> hosts.add(host(name, "etherpad", url)));
        // Generous: the quick faults must be told apart from a time-out however busy the machine is.
        ProbeRunner runner = runner(Duration.ofSeconds(10), hosts.size());

        for (int round = 1; round <= 2; round++) {
            Map<String, Measurement> m = probe(runner, hosts);

            assertThat(m.get("reset").status()).isEqualTo(HostStatus.DOWN);
            assertThat(m.get("reset").reason()).startsWith("network error");
            assertThat(m.get("empty")).extracting(Measurement::status, Measurement::reason)
                    .containsExactly(HostStatus.DOWN, "/health: empty answer");
            assertThat(m.get("truncated").status()).isEqualTo(HostStatus.DOWN);
            assertThat(m.get("truncated").reason()).startsWith("network error");
            assertThat(m.get("gigabyte")).extracting(Measurement::status, Measurement::reason)
                    .containsExactly(HostStatus.DOWN, "/health: answer larger than 256 KiB, not read");
            assertThat(m.get("loop")).extracting(Measurement::status, Measurement::reason)
                    .containsExactly(HostStatus.DOWN, "redirect loop: /health -> /a -> /health");
            assertThat(m.get("elsewhere")).extracting(Measurement::status, Measurement::reason)
                    .containsExactly(HostStatus.DEGRADED, "/health redirects to another host (https://sso.example.org),"
                            + " not followed: probe the URL it leads to");
        }
    }

    @Test
    @Timeout(120)
    void aPlainHttpCheckIsDownOrDegradedOnTheSameFaultsButJudgesNoBody() throws Exception {
        List<HostConfig> hosts = new ArrayList<>();
        faults().forEach((name, url) -> hosts.add(host(name, "http", url)));

        Map<String, Measurement> m = probe(runner(Duration.ofSeconds(10), hosts.size()), hosts);

        assertThat(m.get("reset").status()).isEqualTo(HostStatus.DOWN);
        assertThat(m.get("truncated").status()).isEqualTo(HostStatus.DOWN);
        assertThat(m.get("loop")).extracting(Measurement::status, Measurement::reason)
                .containsExactly(HostStatus.DOWN, "redirect loop: / -> /a -> /health -> /a");
        assertThat(m.get("elsewhere").status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(m.get("elsewhere").reason()).doesNotContain("secret", "login:");
        // A plain check reads no body: an empty page or a large file at the probe URL is a service that answers.
        assertThat(m.get("empty").status()).isEqualTo(HostStatus.UP);
        assertThat(m.get("gigabyte").status()).isEqualTo(HostStatus.UP);
    }

    @Test
    @Timeout(120)
    void aGigabyteBodyIsCutAtTheLimitAndItsConnectionClosed() throws Exception {
        FaultyService gigabyte = service(FaultyService.start(FaultyService.enormous(1L << 30)));

        Measurement m = probe(runner(Duration.ofSeconds(10), 1), List.of(host("big", "etherpad", gigabyte.url())))
                .get("big");

        assertThat(m.status()).isEqualTo(HostStatus.DOWN);
        assertThat(gigabyte.awaitHangUp(Duration.ofSeconds(60))).as("the agent hung up").isTrue();
        // What the sockets' buffers hold besides the 256 KiB read: a few MiB, never the gigabyte.
        assertThat(gigabyte.bodyBytesSent()).isLessThan(32L << 20);
    }

    @Test
    @Timeout(120)
    void aBodyDribbledAByteASecondIsCutAtTheTimeoutAndNoRoundIsStuck() throws Exception {
        FaultyService dribbler = service(FaultyService.start(FaultyService.dribble(PASS)));
        // One thread: a probe that kept it would leave the next round's probe waiting for ever.
        ProbeRunner runner = runner(Duration.ofSeconds(2), 1);

        for (int round = 1; round <= 3; round++) {
            Measurement m = probe(runner, List.of(host("slow", "etherpad", dribbler.url()))).get("slow");

            assertThat(m.status()).isEqualTo(HostStatus.DOWN);
            // "answer not complete within 2 s", or "no answer within 2 s" should even the headers be late.
            assertThat(m.reason()).containsPattern("^(answer not complete|no answer) within 2 s$");
        }
        assertThat(dribbler.awaitHangUp(Duration.ofSeconds(60))).as("the agent hung up").isTrue();
        assertThat(dribbler.bodyBytesSent()).isLessThan(PASS.length());
    }
}
