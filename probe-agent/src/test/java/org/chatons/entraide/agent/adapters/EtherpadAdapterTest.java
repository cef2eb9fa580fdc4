package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.answer;
import static org.chatons.entraide.agent.FakeHttpServer.json;
import static org.chatons.entraide.agent.FakeHttpServer.sample;
import static org.chatons.entraide.agent.FakeHttpServer.status;

import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EtherpadAdapterTest {

    final FakeHttpServer pad = FakeHttpServer.start();
    final EtherpadAdapter adapter = new EtherpadAdapter();

    @AfterEach
    void stop() {
        pad.close();
    }

    @Test
    void recentEtherpadReportsHealthAndConnectedUsers() throws Exception {
        pad.on("/health", answer(200, "application/health+json; charset=utf-8", FakeHttpServer.sampleText("etherpad-health.json")))
                .on("/stats", sample("etherpad-stats.json"));

        Measurement m = Probe.probe(adapter, pad.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).isEqualTo(4);
        assertThat(m.acceptsNewUsers()).isNull();
        assertThat(m.load()).isNull();
        assertThat(m.reason()).contains("Etherpad 2.5.3", "4 users on 2 pads");
    }

    @Test
    void etherpad18WithoutHealthIsJudgedByItsFrontPage() throws Exception {
        pad.on("/", answer(200, "text/html", "<html>Etherpad</html>")).on("/stats", sample("etherpad-stats.json"));

        Measurement m = Probe.probe(adapter, pad.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).isEqualTo(4);
        assertThat(pad.requests("/health")).hasSize(1);
    }

    @Test
    void failingHealthIsDownWithoutAskingForStats() throws Exception {
        pad.on("/health", answer(503, "application/health+json", "{\"status\":\"fail\"}"));

        Measurement m = Probe.probe(adapter, pad.url());

        assertThat(m.status()).isEqualTo(HostStatus.DOWN);
        assertThat(m.reason()).contains("503");
        assertThat(pad.requests("/stats")).isEmpty();
    }

    @Test
    void metricsTurnedOffLeavesUsersUnknownButTheHostUp() throws Exception {
        pad.on("/health", json("{\"status\":\"pass\"}"));

        Measurement m = Probe.probe(adapter, pad.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).isNull();
        assertThat(m.reason()).contains("users unknown");
    }

    @Test
    void statsWithoutTotalUsersOrWithGarbage() throws Exception {
        pad.on("/health", json("{\"status\":\"pass\"}")).on("/stats", json("{\"activePads\":\"N/A\"}"));
        Measurement missing = Probe.probe(adapter, pad.url());
        pad.on("/stats", answer(200, "text/html", "<h1>Bad gateway</h1>"));
        Measurement garbage = Probe.probe(adapter, pad.url());
        pad.on("/stats", status(500));
        Measurement error = Probe.probe(adapter, pad.url());

        assertThat(missing.status()).isEqualTo(HostStatus.UP);
        assertThat(missing.activeUsers()).isNull();
        assertThat(garbage.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(garbage.reason()).contains("not JSON");
        assertThat(error.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(error.reason()).contains("500");
    }
}
