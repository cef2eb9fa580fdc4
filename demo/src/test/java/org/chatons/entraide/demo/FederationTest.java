package org.chatons.entraide.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.chatons.entraide.demo.standins.StandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole demo, end to end: the real broker and probe agents as child processes, the stand-ins in this one.
 * Needs the two jars (built by the reactor before this module's tests; skipped with a reason otherwise).
 */
class FederationTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Federation federation;

    @BeforeAll
    static void start() throws Exception {
        FederationOptions options = FederationOptions.forTests(dir);
        JarProcess.jar(options.brokerJar());
        JarProcess.jar(options.agentJar());
        federation = Federation.start(options);
    }

    @AfterAll
    static void stop() {
        if (federation != null) {
            federation.close();
        }
    }

    /**
     * A wait on a condition of the live federation, bounded by {@link #WAIT}, asked every quarter of a second; a
     * request that timed out (a busy machine) is asked again.
     */
    static ConditionFactory waiting(String what) {
        return Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(HttpTimeoutException.class);
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(federation.brokerUrl().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code /go/{service}}, asked again while it answers 503. Simulated hosts fill up and go down on their own, so a
     * moment with none to offer is possible, and 503 is then right; what matters is a redirect once one is eligible.
     */
    static HttpResponse<String> awaitGo(String service) throws Exception {
        return waiting("/go/" + service + " to answer other than 503").until(() -> get("/go/" + service),
                go -> go.statusCode() != 503);
    }

    static JsonNode awaitHosts(String service, Predicate<JsonNode> wanted) throws Exception {
        return waiting("the broker's " + service + " hosts to match").until(
                () -> JSON.readTree(get("/api/v1/services/" + service + "/hosts").body()).path("hosts"), wanted);
    }

    /** The members of the hosts of one source: agent or chatonsinfos. */
    static Set<String> members(JsonNode hosts, String source) {
        Set<String> members = new HashSet<>();
        hosts.forEach(h -> {
            if (h.path("source").asText().equals(source)) {
                members.add(h.path("member").asText());
            }
        });
        return members;
    }

    @Test
    void membersWithoutAnAgentAreOfferedFromTheirChatonsInfosFiles() throws Exception {
        JsonNode pads = awaitHosts("pad", hosts -> members(hosts, "chatonsinfos").size() == 2
                && members(hosts, "agent").contains("garenne"));
        assertThat(members(pads, "chatonsinfos")).containsExactlyInAnyOrder("chaton-vert", "ronron");
        // garenne declares its pad too, but runs an agent: the agent's report replaces the declared host.
        assertThat(pads).noneMatch(h -> h.path("member").asText().equals("garenne")
                && h.path("source").asText().equals("chatonsinfos"));
        JsonNode notes = awaitHosts("notes", hosts -> hosts.size() == 1 && hosts.get(0).path("eligible").asBoolean());
        assertThat(notes.get(0).path("software").asText()).isEqualTo("HedgeDoc");
        assertThat(notes.get(0).path("activeUsers").isInt()).as(notes.toString()).isTrue();

        JsonNode declared = JSON.readTree(get("/api/v1/chatonsinfos").body());
        assertThat(declared.path("readable").asBoolean()).isTrue();
        assertThat(declared.path("refusals").toString()).contains("chaton-vert").contains("not_public");
        assertThat(get("/services/pad?lang=en").body()).contains("declared").contains("measured live");
        assertThat(Files.readString(federation.chatonsInfosDir().resolve("garenne/pad-1.properties")))
                .containsPattern("service.registration.load = (OPEN|FULL)");
    }

    @Test
    void garennesAgentKeepsItsPublishedFileSayingFullThenOpen() throws Exception {
        Path file = federation.chatonsInfosDir().resolve("garenne/pad-1.properties");
        StandIn pad = federation.standIns().stream().filter(s -> s.member().equals("garenne") && s.hostId().equals("pad-1"))
                .findFirst().orElseThrow();
        String published = Files.readString(file);
        pad.host().rush(2.0);
        awaitFile(file, "service.registration.load = FULL");
        // Nothing but the load (and file.datetime) changed.
        assertThat(Files.readString(file).replaceAll("file.datetime = .*", "").replace("FULL", "OPEN"))
                .isEqualTo(published.replaceAll("file.datetime = .*", "").replace("FULL", "OPEN"));
        pad.host().rush(-1.0);
        awaitFile(file, "service.registration.load = OPEN");
    }

    static void awaitFile(Path file, String line) throws Exception {
        waiting(file + " to say " + line).untilAsserted(() -> assertThat(Files.readString(file)).contains(line));
    }

    static JsonNode awaitService(String id, Predicate<JsonNode> wanted) throws Exception {
        return waiting("the broker's service " + id + " to match").until(() -> {
            JsonNode found = null;
            for (JsonNode service : JSON.readTree(get("/api/v1/services").body()).path("services")) {
                found = service.path("id").asText().equals(id) ? service : found;
            }
            return found;
        }, found -> found != null && wanted.test(found));
    }

    static Set<String> members(JsonNode hosts) {
        Set<String> members = new HashSet<>();
        hosts.forEach(h -> members.add(h.path("member").asText()));
        return members;
    }

    @Test
    void everyMembersAgentReportsItsHostsToTheBroker() throws Exception {
        JsonNode pads = awaitHosts("pad", hosts -> members(hosts, "agent").size() == 3);
        assertThat(members(pads, "agent")).containsExactlyInAnyOrder("garenne", "atelier", "rhizome");
        assertThat(pads.get(0).path("software").asText()).isEqualTo("etherpad");
        awaitHosts("microblog", hosts -> members(hosts).equals(Set.of("rhizome", "mouette")));

        HttpResponse<String> go = awaitGo("pad");
        assertThat(go.statusCode()).as(go.body()).isEqualTo(302);
        String location = go.headers().firstValue("Location").orElseThrow();
        assertThat(federation.standIns()).anyMatch(s -> s.service().equals("pad") && s.url().equals(location));
    }

    @Test
    void aHostThatGoesDownIsShownDownAndComesBack() throws Exception {
        StandIn visio = federation.standIns().stream().filter(s -> s.member().equals("mouette") && s.hostId().equals("visio"))
                .findFirst().orElseThrow();
        awaitHosts("visio", hosts -> members(hosts).contains("mouette"));

        visio.host().setDown(3600);
        // On a busy machine a probe may also time out, which is DOWN for another reason: wait for the proxy's 502.
        awaitHosts("visio", hosts -> field(hosts, "visio", "status").equals("DOWN")
                && field(hosts, "visio", "detail").contains("502"));
        visio.host().setDown(0);
        awaitHosts("visio", hosts -> field(hosts, "visio", "status").equals("UP"));
    }

    @Test
    void aMemberWhoseAgentStopsHasItsHostsStaleThenBack() throws Exception {
        awaitHosts("drop", hosts -> members(hosts).contains("garenne"));

        federation.stopAgent("garenne");
        JsonNode stale = awaitHosts("drop", hosts -> reason(hosts, "garenne", "drop").equals("STALE"));
        federation.startAgent("garenne");
        awaitHosts("drop", hosts -> hosts.get(0).path("eligible").asBoolean());

        assertThat(stale.get(0).path("eligible").asBoolean()).isFalse();
    }

    @Test
    void lufiCountsNoUsersSoTheBrokerShowsTheCountUnknownAndStillSendsUsersThere() throws Exception {
        JsonNode drops = awaitHosts("drop", hosts -> hosts.size() > 0 && hosts.get(0).path("eligible").asBoolean());
        JsonNode pads = awaitHosts("pad", hosts -> upHost(hosts) != null);

        assertThat(drops.get(0).path("software").asText()).isEqualTo("lufi");
        assertThat(drops.get(0).has("activeUsers")).isTrue();
        assertThat(drops.get(0).path("activeUsers").isNull()).as(drops.toString()).isTrue();
        assertThat(drops.get(0).path("load").isNull()).isTrue();
        // Etherpad counts its users (a pad that is down cannot say how many it has either).
        assertThat(upHost(pads).path("activeUsers").isInt()).as(pads.toString()).isTrue();
        // Counted among fresh hosts only: waited for, as an agent a busy machine slowed down may be late.
        awaitService("drop", drop -> drop.path("hostsWithoutUserCount").asInt() > 0);

        HttpResponse<String> go = awaitGo("drop");
        assertThat(go.statusCode()).as(go.body()).isEqualTo(302);
    }

    @Test
    void eachAgentServesItsMetrics() throws Exception {
        int port = federation.metricsPorts().get("garenne");
        URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
        // An IOException: the agent is still starting.
        String body = waiting("garenne's agent to count a successful push").ignoreExceptionsInstanceOf(IOException.class).until(
                () -> HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body(),
                scrape -> scrape.contains("outcome=\"success\""));

        assertThat(body).contains("entraide_probe_up{host=\"pad-1\"}", "entraide_probe_duration_seconds{host=\"cloud\"}",
                "entraide_probe_push_total{broker=\"" + federation.brokerUrl() + "\",outcome=\"success\"}");
    }

    @Test
    void itsPrometheusConfigurationNamesTheRealPorts() throws Exception {
        String config = Files.readString(federation.workDir().resolve("prometheus.yml"));

        assertThat(config).contains("job_name: broker", "job_name: probe-agent", "member: rhizome",
                "127.0.0.1:" + federation.brokerPort(), "127.0.0.1:" + federation.metricsPorts().get("mouette"));
    }

    static JsonNode upHost(JsonNode hosts) {
        for (JsonNode host : hosts) {
            if (host.path("status").asText().equals("UP")) {
                return host;
            }
        }
        return null;
    }

    static String reason(JsonNode hosts, String member, String id) {
        for (JsonNode host : hosts) {
            if (host.path("member").asText().equals(member) && host.path("id").asText().equals(id)) {
                return host.path("reason").asText();
            }
        }
        return "";
    }

    /** A field of mouette's host {@code id}, "" when that host is not listed. */
    static String field(JsonNode hosts, String id, String field) {
        for (JsonNode host : hosts) {
            if (host.path("member").asText().equals("mouette") && host.path("id").asText().equals(id)) {
                return host.path(field).asText();
            }
        }
        return "";
    }
}
