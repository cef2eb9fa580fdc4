package org.chatons.entraide.broker;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.chatons.entraide.broker.drains.Drains;
import org.chatons.entraide.broker.registry.RegistryJanitor;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.Report;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests that talk HTTP to a real broker on a random port, on a clock the test moves. Each test starts with an
 * empty federation: the clock jumps a day and the janitor forgets every earlier host, and their drains.
 */
public abstract class BrokerTestBase {

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected TestClock clock;
    @Inject
    protected JsonMapper json;
    @Inject
    RegistryJanitor janitor;
    @Inject
    Drains drains;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void emptyFederation() {
        clock.advance(Duration.ofHours(25));
        janitor.forgetSilentHosts();
        drains.forgetOld();
    }

    /** POSTs a report as JSON with the member's test token ("token-" + member). */
    protected HttpResponse<String> postReport(Report report) {
        return post(Report.PATH, "token-" + report.member(), "application/json", toJson(report));
    }

    /** A report sent now by the member, with the given hosts. */
    protected HttpResponse<String> report(String member, HostReport... hosts) {
        clock.advance(Duration.ofMillis(1));
        return postReport(Fixtures.report(member, clock.instant(), hosts));
    }

    protected HttpResponse<String> post(String path, String token, String contentType, String body) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    protected HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(10));
    }

    protected String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> parse(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Instant now() {
        return clock.instant();
    }
}
