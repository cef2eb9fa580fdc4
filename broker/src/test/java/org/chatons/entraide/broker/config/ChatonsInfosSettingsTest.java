package org.chatons.entraide.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.config.StartupTest.settings;
import static org.chatons.entraide.broker.config.StartupTest.startupError;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The ChatonsInfos and public-probe settings: refused at start with what was expected, silent when off. */
class ChatonsInfosSettingsTest {

    @Test
    void badSettingsStopTheBrokerNamingTheKey() {
        assertThat(startupError(settings("broker.chatonsinfos.federation-url", "https://f.example/f.properties",
                "broker.stale-after-max", "1m"))).startsWith("broker.public-probe.interval: PT1M (expected: "
                + "shorter than broker.stale-after-max, PT1M");
        assertThat(startupError(settings("broker.public-probe.user-agent", "curl/8")))
                .isEqualTo("broker.public-probe.user-agent: 'curl/8' (expected: naming Entraide and its URL)");
        assertThat(startupError(settings("broker.public-probe.timeout", "90s")))
                .contains("broker.public-probe.timeout: PT1M30S (expected: at least 100ms and shorter than the interval)");
        assertThat(startupError(settings("broker.chatonsinfos.capacity-users", "0")))
                .isEqualTo("broker.chatonsinfos.capacity-users: 0 (expected: >= 1)");
        assertThat(startupError(settings("broker.chatonsinfos.crawl-timeout", "1s")))
                .startsWith("broker.chatonsinfos.crawl-timeout: PT1S (expected: at least request-timeout)");
    }

    @Test
    void withoutAFederationNothingIsReadAndNoMetricIsExported() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings())) {
            HttpClient http = HttpClient.newHttpClient();
            String metrics = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).doesNotContain("entraide_chatonsinfos_");
            String api = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/chatonsinfos")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(api).contains("\"enabled\":false").contains("\"members\":[]");
        }
    }
}
