package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.json;
import static org.chatons.entraide.agent.FakeHttpServer.sample;

import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lufi and Lstu, which share /fullstats. */
class FullStatsAdapterTest {

    final FakeHttpServer server = FakeHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void lufiCountsFiles() throws Exception {
        server.on("/fullstats", sample("lufi-fullstats.json"));

        Measurement m = Probe.probe(new LufiAdapter(), server.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).as("Lufi publishes no user count").isNull();
        assertThat(m.reason()).contains("1234 files");
    }

    @Test
    void lstuCountsUrls() throws Exception {
        server.on("/fullstats", sample("lstu-fullstats.json"));

        Measurement m = Probe.probe(new LstuAdapter(), server.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).as("Lstu publishes no user count").isNull();
        assertThat(m.reason()).contains("5678 urls");
    }

    @Test
    void anotherSoftwaresAnswerOrAnErrorIsNotHealthy() throws Exception {
        server.on("/fullstats", sample("lufi-fullstats.json"));
        Measurement lufiAsLstu = Probe.probe(new LstuAdapter(), server.url());
        server.on("/fullstats", FakeHttpServer.status(500));
        Measurement error = Probe.probe(new LufiAdapter(), server.url());
        server.on("/fullstats", json("<html>"));
        Measurement garbage = Probe.probe(new LufiAdapter(), server.url());

        assertThat(lufiAsLstu.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(error.status()).isEqualTo(HostStatus.DOWN);
        assertThat(garbage.status()).isEqualTo(HostStatus.DOWN);
    }
}
