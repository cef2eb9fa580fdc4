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

class JitsiAdapterTest {

    final FakeHttpServer bridge = FakeHttpServer.start()
            .on("/about/health", answer(200, null, ""))
            .on("/colibri/stats", sample("jitsi-colibri-stats.json"));
    final JitsiAdapter adapter = new JitsiAdapter();

    @AfterEach
    void stop() {
        bridge.close();
    }

    @Test
    void stressLevelIsTheLoad() throws Exception {
        Measurement m = Probe.probe(adapter, bridge.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.load()).isEqualTo(0.31);
        assertThat(m.activeUsers()).isEqualTo(42);
        assertThat(m.acceptsNewUsers()).isNull();
        assertThat(m.reason()).contains("stress 0.31", "42 participants in 7 conferences");
    }

    @Test
    void drainOrGracefulShutdownTakesNoNewConferences() throws Exception {
        bridge.on("/colibri/stats", json("{\"stress_level\":0.1,\"participants\":3,\"drain\":true}"));
        Measurement draining = Probe.probe(adapter, bridge.url());
        bridge.on("/colibri/stats", json("{\"stress_level\":0.1,\"graceful_shutdown\":true}"));
        Measurement leaving = Probe.probe(adapter, bridge.url());

        assertThat(draining.acceptsNewUsers()).isFalse();
        assertThat(draining.reason()).contains("draining");
        assertThat(leaving.acceptsNewUsers()).isFalse();
        assertThat(leaving.reason()).contains("shutting down");
    }

    @Test
    void unhealthyBridgeIsDown() throws Exception {
        bridge.on("/about/health", answer(500, "application/json", "{\"error\":\"no ice\"}"));

        Measurement m = Probe.probe(adapter, bridge.url());

        assertThat(m.status()).isEqualTo(HostStatus.DOWN);
        assertThat(m.reason()).contains("500", "no ice");
    }

    @Test
    void restApiOffLeavesTheLoadUnknown() throws Exception {
        bridge.on("/colibri/stats", FakeHttpServer.status(404));

        Measurement m = Probe.probe(adapter, bridge.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.load()).isNull();
        assertThat(m.reason()).contains("rest.enabled");
    }

    @Test
    void stressThatIsNotANumberIsIgnored() throws Exception {
        bridge.on("/colibri/stats", json("{\"stress_level\":\"N/A\",\"participants\":-1}"));

        Measurement m = Probe.probe(adapter, bridge.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.load()).isNull();
        assertThat(m.activeUsers()).isNull();
        assertThat(m.reason()).contains("no stress_level");
    }
}
