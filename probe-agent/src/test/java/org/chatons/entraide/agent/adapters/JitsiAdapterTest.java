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

class JitsiAdapterTest {

    @RegisterExtension
    final ProbedService bridge = new ProbedService(new JitsiAdapter())
            .on("/about/health", answer(200, null, ""))
            .on("/colibri/stats", sample("jitsi-colibri-stats.json"));

    @Test
    void stressLevelIsTheLoad() throws Exception {
        Measurement m = bridge.probe();

        assertThat(m).extracting(Measurement::status, Measurement::load, Measurement::activeUsers, Measurement::acceptsNewUsers)
                .containsExactly(HostStatus.UP, 0.31, 42, null);
        assertThat(m.reason()).contains("stress 0.31", "42 participants in 7 conferences");
    }

    @Test
    void drainOrGracefulShutdownTakesNoNewConferences() throws Exception {
        bridge.on("/colibri/stats", json("{\"stress_level\":0.1,\"participants\":3,\"drain\":true}"));
        Measurement draining = bridge.probe();
        bridge.on("/colibri/stats", json("{\"stress_level\":0.1,\"graceful_shutdown\":true}"));
        Measurement leaving = bridge.probe();

        assertThat(draining.acceptsNewUsers()).isFalse();
        assertThat(draining.reason()).contains("draining");
        assertThat(leaving.acceptsNewUsers()).isFalse();
        assertThat(leaving.reason()).contains("shutting down");
    }

    @Test
    void unhealthyBridgeIsDown() throws Exception {
        bridge.on("/about/health", answer(500, "application/json", "{\"error\":\"no ice\"}"));

        Measurement m = bridge.probe();

        assertThat(m.status()).isEqualTo(HostStatus.DOWN);
        assertThat(m.reason()).contains("500", "no ice");
    }

    @Test
    void restApiOffLeavesTheLoadUnknown() throws Exception {
        bridge.on("/colibri/stats", FakeHttpServer.status(404));

        Measurement m = bridge.probe();

        assertThat(m).extracting(Measurement::status, Measurement::load).containsExactly(HostStatus.UP, null);
        assertThat(m.reason()).contains("rest.enabled");
    }

    @Test
    void stressThatIsNotANumberIsIgnored() throws Exception {
        bridge.on("/colibri/stats", json("{\"stress_level\":\"N/A\",\"participants\":-1}"));

        Measurement m = bridge.probe();

        assertThat(m).extracting(Measurement::status, Measurement::load, Measurement::activeUsers)
                .containsExactly(HostStatus.UP, null, null);
        assertThat(m.reason()).contains("no stress_level");
    }
}
