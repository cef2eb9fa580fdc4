package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.json;
import static org.chatons.entraide.agent.FakeHttpServer.sample;

import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MobilizonAdapterTest {

    @RegisterExtension
    final ProbedService events = new ProbedService(new MobilizonAdapter()).on("/api", sample("mobilizon-graphql.json"));

    @Test
    void oneGraphqlQueryForRegistrationsAndUsers() throws Exception {
        Measurement m = events.probe();

        assertThat(m).extracting(Measurement::status, Measurement::acceptsNewUsers, Measurement::activeUsers)
                .containsExactly(HostStatus.UP, true, 310);
        FakeHttpServer.Request request = events.requests("/api").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).contains("registrationsOpen", "numberOfUsers");
    }

    @Test
    void graphqlErrorsDegrade() throws Exception {
        events.on("/api", json("{\"data\":null,\"errors\":[{\"message\":\"Internal server error\"}]}"));

        Measurement m = events.probe();

        assertThat(m.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(m.reason()).contains("Internal server error");
    }

    @Test
    void httpErrorIsDown() throws Exception {
        events.on("/api", FakeHttpServer.status(502));

        assertThat(events.probe().status()).isEqualTo(HostStatus.DOWN);
    }
}
