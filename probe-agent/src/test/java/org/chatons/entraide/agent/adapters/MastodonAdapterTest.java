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

class MastodonAdapterTest {

    @RegisterExtension
    final ProbedService social = new ProbedService(new MastodonAdapter())
            .on("/health", answer(200, "text/plain; charset=utf-8", "OK"))
            .on("/api/v2/instance", sample("mastodon-instance.json"));

    @Test
    void registrationsAndMonthlyActiveUsers() throws Exception {
        Measurement m = social.probe();

        assertThat(m).extracting(Measurement::status, Measurement::acceptsNewUsers, Measurement::activeUsers)
                .containsExactly(HostStatus.UP, true, 5210);
        assertThat(m.reason()).contains("Mastodon 4.3.2", "registrations open");
    }

    @Test
    void closedRegistrationsAndApproval() throws Exception {
        social.on("/api/v2/instance", json("{\"registrations\":{\"enabled\":false}}"));
        Measurement closed = social.probe();
        social.on("/api/v2/instance", json("{\"registrations\":{\"enabled\":true,\"approval_required\":true}}"));
        Measurement approval = social.probe();

        assertThat(closed).extracting(Measurement::acceptsNewUsers, Measurement::activeUsers)
                .containsExactly(false, null);
        assertThat(approval.acceptsNewUsers()).isTrue();
        assertThat(approval.reason()).contains("with approval");
    }

    @Test
    void unhealthyOrGarbledInstance() throws Exception {
        social.on("/health", FakeHttpServer.status(503));
        assertThat(social.probe().status()).isEqualTo(HostStatus.DOWN);

        social.on("/health", answer(200, "text/plain", "OK")).on("/api/v2/instance", json("not json at all"));
        Measurement garbled = social.probe();
        assertThat(garbled.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(garbled.reason()).contains("not JSON");
    }
}
