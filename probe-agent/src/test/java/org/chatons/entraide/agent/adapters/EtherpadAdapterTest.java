package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.answer;
import static org.chatons.entraide.agent.FakeHttpServer.json;
import static org.chatons.entraide.agent.FakeHttpServer.sample;
import static org.chatons.entraide.agent.FakeHttpServer.status;

import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EtherpadAdapterTest {

    @RegisterExtension
    final ProbedService pad = new ProbedService(new EtherpadAdapter());

    @Test
    void recentEtherpadReportsHealthAndConnectedUsers() throws Exception {
        pad.on("/health", answer(200, "application/health+json; charset=utf-8", FakeHttpServer.sampleText("etherpad-health.json")))
                .on("/stats", sample("etherpad-stats.json"));

        Measurement m = pad.probe();

        assertThat(m).extracting(Measurement::status, Measurement::activeUsers, Measurement::acceptsNewUsers, Measurement::load)
                .containsExactly(HostStatus.UP, 4, null, null);
        assertThat(m.reason()).contains("Etherpad 2.5.3", "4 users on 2 pads");
    }

    @Test
    void etherpad18WithoutHealthIsJudgedByItsFrontPage() throws Exception {
        pad.on("/", answer(200, "text/html", "<html>Etherpad</html>")).on("/stats", sample("etherpad-stats.json"));

        Measurement m = pad.probe();

        assertThat(m).extracting(Measurement::status, Measurement::activeUsers).containsExactly(HostStatus.UP, 4);
        assertThat(pad.requests("/health")).hasSize(1);
    }

    @Test
    void failingHealthIsDownWithoutAskingForStats() throws Exception {
        pad.on("/health", answer(503, "application/health+json", "{\"status\":\"fail\"}"));

        Measurement m = pad.probe();

        assertThat(m.status()).isEqualTo(HostStatus.DOWN);
        assertThat(m.reason()).contains("503");
        assertThat(pad.requests("/stats")).isEmpty();
    }

    @Test
    void metricsTurnedOffLeavesUsersUnknownButTheHostUp() throws Exception {
        pad.on("/health", json("{\"status\":\"pass\"}"));

        Measurement m = pad.probe();

        assertThat(m).extracting(Measurement::status, Measurement::activeUsers).containsExactly(HostStatus.UP, null);
        assertThat(m.reason()).contains("users unknown");
    }

    @Test
    void statsWithoutTotalUsersOrWithGarbage() throws Exception {
        pad.on("/health", json("{\"status\":\"pass\"}")).on("/stats", json("{\"activePads\":\"N/A\"}"));
        Measurement missing = pad.probe();
        pad.on("/stats", answer(200, "text/html", "<h1>Bad gateway</h1>"));
        Measurement garbage = pad.probe();
        pad.on("/stats", status(500));
        Measurement error = pad.probe();

        assertThat(missing).extracting(Measurement::status, Measurement::activeUsers)
                .containsExactly(HostStatus.UP, null);
        assertThat(garbage.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(garbage.reason()).contains("not JSON");
        assertThat(error.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(error.reason()).contains("500");
    }
}
