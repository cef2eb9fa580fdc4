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

class MastodonAdapterTest {

    final FakeHttpServer social = FakeHttpServer.start()
            .on("/health", answer(200, "text/plain; charset=utf-8", "OK"))
            .on("/api/v2/instance", sample("mastodon-instance.json"));
    final MastodonAdapter adapter = new MastodonAdapter();

    @AfterEach
    void stop() {
        social.close();
    }

    @Test
    void registrationsAndMonthlyActiveUsers() throws Exception {
        Measurement m = Probe.probe(adapter, social.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.acceptsNewUsers()).isTrue();
        assertThat(m.activeUsers()).isEqualTo(5210);
        assertThat(m.reason()).contains("Mastodon 4.3.2", "registrations open");
    }

    @Test
    void closedRegistrationsAndApproval() throws Exception {
        social.on("/api/v2/instance", json("{\"registrations\":{\"enabled\":false}}"));
        Measurement closed = Probe.probe(adapter, social.url());
        social.on("/api/v2/instance", json("{\"registrations\":{\"enabled\":true,\"approval_required\":true}}"));
        Measurement approval = Probe.probe(adapter, social.url());

        assertThat(closed.acceptsNewUsers()).isFalse();
        assertThat(closed.activeUsers()).isNull();
        assertThat(approval.acceptsNewUsers()).isTrue();
        assertThat(approval.reason()).contains("with approval");
    }

    @Test
    void unhealthyOrGarbledInstance() throws Exception {
        social.on("/health", FakeHttpServer.status(503));
        assertThat(Probe.probe(adapter, social.url()).status()).isEqualTo(HostStatus.DOWN);

        social.on("/health", answer(200, "text/plain", "OK")).on("/api/v2/instance", json("not json at all"));
        Measurement garbled = Probe.probe(adapter, social.url());
        assertThat(garbled.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(garbled.reason()).contains("not JSON");
    }
}
