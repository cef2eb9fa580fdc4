package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.answer;
import static org.chatons.entraide.agent.FakeHttpServer.json;
import static org.chatons.entraide.agent.FakeHttpServer.sample;

import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeertubeAdapterTest {

    final FakeHttpServer tube = FakeHttpServer.start()
            .on("/api/v1/ping", answer(200, "text/html; charset=utf-8", "pong"))
            .on("/api/v1/config", sample("peertube-config.json"))
            .on("/api/v1/server/stats", sample("peertube-stats.json"));
    final PeertubeAdapter adapter = new PeertubeAdapter();

    @AfterEach
    void stop() {
        tube.close();
    }

    @Test
    void pingSignupAndDailyActiveUsers() throws Exception {
        Measurement m = Probe.probe(adapter, tube.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.acceptsNewUsers()).isTrue();
        assertThat(m.activeUsers()).isEqualTo(17);
        assertThat(m.reason()).contains("PeerTube 6.3.0", "sign-up open", "17 daily active users");
    }

    @Test
    void signupClosedWhenTheUserLimitIsReached() throws Exception {
        tube.on("/api/v1/config", json("{\"signup\":{\"allowed\":false,\"allowedForCurrentIP\":true}}"));

        Measurement m = Probe.probe(adapter, tube.url());

        assertThat(m.acceptsNewUsers()).isFalse();
        assertThat(m.reason()).contains("sign-up closed");
    }

    @Test
    void pingThatIsNotPongIsDown() throws Exception {
        tube.on("/api/v1/ping", answer(200, "text/html", "<html>maintenance</html>"));

        Measurement m = Probe.probe(adapter, tube.url());

        assertThat(m.status()).isEqualTo(HostStatus.DOWN);
        assertThat(m.reason()).contains("instead of pong");
    }

    @Test
    void missingFieldsAndFailingStats() throws Exception {
        tube.on("/api/v1/config", json("{}")).on("/api/v1/server/stats", FakeHttpServer.status(500));

        Measurement m = Probe.probe(adapter, tube.url());

        assertThat(m.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(m.acceptsNewUsers()).isNull();
        assertThat(m.activeUsers()).isNull();
        assertThat(m.reason()).contains("no signup.allowed", "stats answers 500");
    }
}
