package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.answer;

import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.software.Softwares;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.WireRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpAdapterTest {

    @RegisterExtension
    final ProbedService site = new ProbedService(new HttpAdapter());

    @Test
    void getsTheExactUrlAndFollowsARedirectOnTheSameHostToItsPage() throws Exception {
        site.on("/poll/index.php", (exchange, server) -> {
            exchange.getResponseHeaders().set("Location", "/login");
            exchange.sendResponseHeaders(302, -1);
        }).on("/login", answer(200, "text/html", "<form>"));

        Measurement m = site.probe("poll/index.php");

        assertThat(m.status()).as("a login page is a working service").isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).as("a plain HTTP check counts no users").isNull();
        assertThat(m.load()).isNull();
        assertThat(m.reason()).startsWith("answers 200");
        assertThat(site.requests("/login")).hasSize(1);
    }

    @Test
    void aRedirectWithoutLocationIsAnAnswerLikeAnother() throws Exception {
        site.on("/", (exchange, server) -> exchange.sendResponseHeaders(304, -1));

        Measurement m = site.probe();

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.reason()).startsWith("answers 304");
    }

    @Test
    void errorStatusesAreDown() throws Exception {
        site.on("/", FakeHttpServer.status(503));

        Measurement m = site.probe();

        assertThat(m.status()).isEqualTo(HostStatus.DOWN);
        assertThat(m.reason()).isEqualTo("answers 503");
    }

    @Test
    void everySoftwareIsFoundThroughTheRegistryUnderANameTheBrokersTake() {
        assertThat(AdapterRegistry.discover().names()).containsExactly("etherpad", "hedgedoc", "http", "jitsi", "lstu", "lufi",
                "mastodon", "mobilizon", "nextcloud", "nodeinfo", "peertube");
        assertThat(AdapterRegistry.discover().names()).allSatisfy(name -> assertThat(WireRules.softwareProblem(name)).isNull());
    }

    @Test
    void everyAdapterMeasuresASoftwareThatProbesDefines() {
        Softwares softwares = Softwares.load();
        assertThat(AdapterRegistry.discover().names()).allSatisfy(name ->
                assertThat(softwares.named(name)).as("the software '" + name + "' in probes/known").isPresent());
    }
}
