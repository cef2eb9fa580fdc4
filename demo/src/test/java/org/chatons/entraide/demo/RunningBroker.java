package org.chatons.entraide.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.demo.JarProcess.answers;
import static org.chatons.entraide.demo.JarProcess.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;

/** What a test asks of a built broker running on a local port: its health, its API, its admin and its metrics. */
final class RunningBroker {

    static final String ADMIN_TOKEN = "admin-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The wire's records written as JSON, instants as ISO-8601 text, as the protocol says. */
    private static final ObjectMapper WIRE = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private RunningBroker() {
    }

    static void awaitUp(JarProcess broker, int port) throws InterruptedException {
        await("the broker on port " + port + " to answer /health", () -> {
            assertThat(broker.alive()).as("the broker is running").isTrue();
            return answers(URI.create("http://127.0.0.1:" + port + "/health"));
        });
    }

    static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static int admin(int port, String method, String path) throws Exception {
        return JarProcess.send(HttpRequest.newBuilder(url(port, "/api/v1/admin" + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).method(method, HttpRequest.BodyPublishers.noBody()))
                .statusCode();
    }

    /** The hosts of a service as the broker lists them: id to the reason it gives (null when eligible). */
    static Map<String, String> hosts(int port, String service) {
        try {
            JsonNode hosts = JSON.readTree(body(url(port, "/api/v1/services/" + service + "/hosts"))).get("hosts");
            Map<String, String> reasons = new HashMap<>();
            if (hosts == null) {
                return reasons;   // an empty list is left out of the JSON
            }
            hosts.forEach(h -> reasons.put(h.get("id").asText(), h.hasNonNull("reason") ? h.get("reason").asText() : null));
            return reasons;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostReport pad(String id) {
        return new HostReport(id, "pad", "etherpad", "http://localhost:9/" + id + "/", HostStatus.UP, true, 10, 100,
                null, null, null);
    }

    /** A member's report of pad-1 and pad-2, as its agent would send it. */
    static int reportPads(int port, String member, String token) throws Exception {
        String body = WIRE.writeValueAsString(new Report(member, Instant.now(), 30, List.of(pad("pad-1"), pad("pad-2"))));
        return JarProcess.send(HttpRequest.newBuilder(url(port, Report.PATH))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    /** Reports the broker accepted from alpha since it started. */
    static double acceptedReports(int port) {
        Matcher line = Pattern.compile("(?m)^entraide_reports_total\\{member=\"alpha\",outcome=\"accepted\"} (\\S+)$")
                .matcher(body(url(port, "/prometheus")));
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    /** A GET's body, for the conditions of {@code await} (which take no checked exception). */
    private static String body(URI url) {
        try {
            return JarProcess.get(url).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
