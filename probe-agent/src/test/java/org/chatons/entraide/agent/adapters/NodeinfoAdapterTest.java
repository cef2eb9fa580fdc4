package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.json;
import static org.chatons.entraide.agent.FakeHttpServer.sample;

import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NodeinfoAdapterTest {

    @RegisterExtension
    final ProbedService node = new ProbedService(new NodeinfoAdapter())
            .on("/.well-known/nodeinfo", sample("nodeinfo-discovery.json"))
            .on("/nodeinfo/2.1.json", sample("nodeinfo-2.1.json"))
            .on("/nodeinfo/2.0.json", json("{\"version\":\"2.0\",\"openRegistrations\":false}"));

    @Test
    void followsTheHighestSchemaOnTheProbeOrigin() throws Exception {
        Measurement m = node.probe();

        assertThat(m).extracting(Measurement::status, Measurement::acceptsNewUsers, Measurement::activeUsers)
                .containsExactly(HostStatus.UP, true, 23);
        assertThat(m.reason()).contains("peertube 6.3.0", "NodeInfo 2.1");
        assertThat(node.requests("/nodeinfo/2.0.json")).isEmpty();
    }

    @Test
    void discoveryWithoutSchemaOrMissingIsDown() throws Exception {
        node.on("/.well-known/nodeinfo", json("{\"links\":[]}"));
        Measurement noSchema = node.probe();
        node.on("/.well-known/nodeinfo", FakeHttpServer.status(404));
        Measurement missing = node.probe();

        assertThat(noSchema.status()).isEqualTo(HostStatus.DOWN);
        assertThat(noSchema.reason()).contains("no NodeInfo schema");
        assertThat(missing.status()).isEqualTo(HostStatus.DOWN);
        assertThat(missing.reason()).contains("404");
    }

    @Test
    void aDocumentWithoutUsageIsStillUp() throws Exception {
        node.on("/nodeinfo/2.1.json", json("{\"version\":\"2.1\",\"software\":{\"name\":\"pleroma\"},\"openRegistrations\":false}"));

        Measurement m = node.probe();

        assertThat(m).extracting(Measurement::status, Measurement::acceptsNewUsers, Measurement::activeUsers)
                .containsExactly(HostStatus.UP, false, null);
    }

    @Test
    void aBrokenDocumentDegrades() throws Exception {
        node.on("/nodeinfo/2.1.json", FakeHttpServer.status(500));

        assertThat(node.probe().status()).isEqualTo(HostStatus.DEGRADED);
    }
}
