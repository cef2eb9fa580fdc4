package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.answer;
import static org.chatons.entraide.agent.FakeHttpServer.json;
import static org.chatons.entraide.agent.FakeHttpServer.sample;

import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PeertubeAdapterTest {

    @RegisterExtension
    final ProbedService tube = new ProbedService(new PeertubeAdapter())
            .on("/api/v1/ping", answer(200, "text/html; charset=utf-8", "pong"))
            .on("/api/v1/config", sample("peertube-config.json"))
            .on("/api/v1/server/stats", sample("peertube-stats.json"));

    @Test
    void pingSignupAndDailyActiveUsers() throws Exception {
        Measurement m = tube.probe();

        assertThat(m).extracting(Measurement::status, Measurement::acceptsNewUsers, Measurement::activeUsers)
                .containsExactly(HostStatus.UP, true, 17);
        assertThat(m.reason()).contains("PeerTube 6.3.0", "sign-up open", "17 daily active users");
    }

    @Test
    void signupClosedWhenTheUserLimitIsReached() throws Exception {
        tube.on("/api/v1/config", json("{\"signup\":{\"allowed\":false,\"allowedForCurrentIP\":true}}"));

        Measurement m = tube.probe();

        assertThat(m.acceptsNewUsers()).isFalse();
        assertThat(m.reason()).contains("sign-up closed");
    }

    @Test
    void pingThatIsNotPongIsDown() throws Exception {
        tube.on("/api/v1/ping", answer(200, "text/html", "<html>maintenance</html>"));

        Measurement m = tube.probe();

        assertThat(m.status()).isEqualTo(HostStatus.DOWN);
        assertThat(m.reason()).contains("instead of pong");
    }

    @Test
    void missingFieldsAndFailingStats() throws Exception {
        tube.on("/api/v1/config", json("{}")).on("/api/v1/server/stats", FakeHttpServer.status(500));

        Measurement m = tube.probe();

        assertThat(m).extracting(Measurement::status, Measurement::acceptsNewUsers, Measurement::activeUsers)
                .containsExactly(HostStatus.DEGRADED, null, null);
        assertThat(m.reason()).contains("no signup.allowed", "stats answers 500");
    }
}
