package org.chatons.entraide.demo.standins;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.chatons.entraide.agent.adapters.AdapterRegistry;
import org.chatons.entraide.agent.adapters.ProbeRunner;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins are only worth something if they answer like the real services: the probe agent's own adapters,
 * which are tested on recorded answers of the real APIs, must read every one of them.
 */
class StandInsSpeakTheRealApisTest {

    /** Every software that has both an adapter and a stand-in: a new one is tested here without a line changed. */
    static final List<String> SOFTWARE = AdapterRegistry.discover().names().stream()
            .filter(Apis.load().names()::contains).toList();

    /**
     * Long enough that no probe of a local stand-in times out, nor counts as slow (half of it), however busy the
     * machine is: this test is about what the answers say, not how fast they come.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final ExecutorService http = Executors.newFixedThreadPool(2);
    Simulation simulation;
    ProbeRunner runner;

    @BeforeEach
    void start() throws Exception {
        List<Simulation.Spec> specs = new ArrayList<>();
        for (String software : SOFTWARE) {
            specs.add(new Simulation.Spec("m", software, "pad", software, 100, 0.5, 0, "nc-secret"));
        }
        // Speed 0: the simulated clock stands still, so what the test reads is what the probe sees.
        simulation = Simulation.start(specs, InetAddress.getLoopbackAddress(), 0, 7, event -> { });
        runner = new ProbeRunner(AdapterRegistry.discover(), ProbeRunner.httpClient(TIMEOUT, http), pool,
                TIMEOUT, Clock.systemUTC(), new AgentMetrics(new SimpleMeterRegistry()));
    }

    @AfterEach
    void stop() {
        simulation.close();
        pool.shutdownNow();
        http.shutdownNow();
    }

    Measurement probe(StandIn standIn, String secret) throws InterruptedException {
        URI url = URI.create(standIn.url());
        HostConfig host = new HostConfig(standIn.hostId(), "pad", standIn.software(), url, url, 100, null, null);
        return runner.probeAll(List.of(host), secret == null ? Map.of() : Map.of(host.id(), new Secret(secret)))
                .get(0).measurement();
    }

    @Test
    void everyAdapterReadsItsStandIn() throws Exception {
        for (StandIn standIn : simulation.standIns()) {
            HostState state = standIn.host().state();
            Measurement m = probe(standIn, "nc-secret");

            assertThat(m.status()).as(standIn.software() + ": " + m.reason()).isEqualTo(HostStatus.UP);
            assertThat(m.reason()).as(standIn.software()).doesNotContain("no ", "not JSON", "unknown software");
            if (List.of("lufi", "lstu", "http").contains(standIn.software())) {
                assertThat(m.activeUsers()).as(standIn.software()).isNull();
            } else {
                assertThat(m.activeUsers()).as(standIn.software()).isEqualTo(state.users());
            }
            if (List.of("peertube", "mastodon", "mobilizon", "nodeinfo").contains(standIn.software())) {
                assertThat(m.acceptsNewUsers()).as(standIn.software()).isTrue();
            }
        }
    }

    @Test
    void theDemosSoftwaresAllHaveAStandInReadHere() {
        assertThat(SOFTWARE).containsAll(List.of("etherpad", "jitsi", "nextcloud", "peertube", "mastodon", "mobilizon",
                "nodeinfo", "lufi", "lstu", "http", "hedgedoc"));
        assertThat(SOFTWARE).allSatisfy(software -> assertThat(Apis.load().kind(software).software()).isEqualTo(software));
    }

    @Test
    void theBridgesStressIsReadAsItsLoad() throws Exception {
        StandIn jitsi = simulation.standIns().get(SOFTWARE.indexOf("jitsi"));

        Measurement m = probe(jitsi, null);

        assertThat(m.load()).isNotNull().isBetween(0.0, 1.2);
    }

    @Test
    void aDownStandInIsSeenDownAndAWrongTokenIsRefused() throws Exception {
        StandIn pad = simulation.standIns().get(SOFTWARE.indexOf("etherpad"));
        StandIn cloud = simulation.standIns().get(SOFTWARE.indexOf("nextcloud"));
        pad.host().setDown(60);

        Measurement down = probe(pad, null);
        Measurement refused = probe(cloud, "wrong");

        assertThat(down.status()).isEqualTo(HostStatus.DOWN);
        assertThat(down.reason()).contains("502");
        assertThat(refused.status()).isEqualTo(HostStatus.UP);
        assertThat(refused.reason()).contains("refused the NC-Token (401)");
    }
}
