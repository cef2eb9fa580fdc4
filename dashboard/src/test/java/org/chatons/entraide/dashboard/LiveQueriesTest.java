package org.chatons.entraide.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.chatons.entraide.dashboard.PromqlExpressions.Expression;
import org.chatons.entraide.demo.BuiltJar;
import org.chatons.entraide.demo.Federation;
import org.chatons.entraide.demo.FederationOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboards and rules against live data: the demo federation (the real broker and probe agents as child
 * processes) scraped by a real Prometheus that loads the alert rules, with people arriving on {@code /go}, a service
 * nobody offers, and a probe agent sending a bad token. Every expression must run without error; every dashboard
 * query and recording rule must also return series (a panel that stays empty on a running federation reads a
 * metric or label that does not exist); every rule must evaluate without error inside Prometheus.
 *
 * <p>Skipped where the {@code prometheus} binary is missing or the jars are not built (a build that stops before
 * {@code package}); fails where a jar is older than its sources. This module's pom names the broker and the agent so
 * that {@code -pl dashboard -am} packages them first.
 */
class LiveQueriesTest {

    /** How long the federation may take to give every query something to show. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path dir;
    static Federation federation;
    static PrometheusProcess prometheus;
    static ScheduledExecutorService visitors;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PrometheusProcess.available(), "no prometheus binary on the PATH (Debian's package prometheus)");
        FederationOptions options = FederationOptions.forTests(dir.resolve("demo"));
        for (Path jar : List.of(options.brokerJar(), options.agentJar())) {
            BuiltJar built = new BuiltJar(jar);
            assumeTrue(built.built(), () -> built.problem().orElseThrow());
            assertThat(built.problem()).as("the jar this test runs is fresh").isEmpty();
        }
        federation = Federation.start(options);

        Path config = dir.resolve("prometheus.yml");
        List<String> rules = DashboardFiles.locate().rules().stream().map(p -> "  - " + p.toAbsolutePath()).toList();
        Files.writeString(config, federation.prometheusConfig("1s") + "rule_files:\n" + String.join("\n", rules) + "\n");
        prometheus = PrometheusProcess.start(config);

        visitors = Executors.newSingleThreadScheduledExecutor();
        visitors.scheduleWithFixedDelay(LiveQueriesTest::visit, 0, 200, TimeUnit.MILLISECONDS);
    }

    @AfterAll
    static void stop() {
        if (visitors != null) {
            visitors.shutdownNow();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (federation != null) {
            federation.close();
        }
    }

    /**
     * What the dashboards show needs something to have happened: people sent to hosts, people turned away (nobody
     * offers "board" in the demo), and a report refused.
     */
    static void visit() {
        try {
            for (String path : List.of("/go/pad", "/go/visio", "/go/microblog", "/go/board")) {
                send(HttpRequest.newBuilder(federation.brokerUrl().resolve(path)).GET());
            }
            send(HttpRequest.newBuilder(federation.brokerUrl().resolve("/api/v1/reports"))
                    .header("Authorization", "Bearer not-a-member-token")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
        } catch (Exception e) {
            // a visit lost while the federation starts or stops is no failure; the queries tell what is missing
        }
    }

    static void send(HttpRequest.Builder request) throws Exception {
        HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void everyExpressionRunsAndEveryDashboardQueryShowsSeries() throws Exception {
        List<Expression> expressions = PromqlExpressions.all();
        // The last look's failures are in the timeout's message.
        Awaitility.await("every expression to run and every dashboard query to show series").atMost(PATIENCE)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    List<String> report = new ArrayList<>();
                    for (Expression e : expressions) {
                        String problem = problem(e);
                        if (problem != null) {
                            report.add(e + "\n    ran: " + e.query() + "\n    " + problem);
                        }
                    }
                    assertThat(report).as("expressions that failed against the live demo").isEmpty();
                });
    }

    /** Null when the expression ran and, if it should, returned series; else what went wrong. */
    static String problem(Expression e) throws Exception {
        JsonNode answer = prometheus.query(e.query());
        if (!"success".equals(answer.path("status").asText())) {
            return "error: " + answer.path("error").asText();
        }
        if (e.expectsSeries() && answer.path("data").path("result").isEmpty()) {
            return "no series";
        }
        return null;
    }

    @Test
    void prometheusLoadsEveryRuleAndEvaluatesItWithoutError() throws Exception {
        int expected = (int) PromqlExpressions.all().stream()
                .filter(e -> e.kind() == PromqlExpressions.Kind.ALERT || e.kind() == PromqlExpressions.Kind.RECORD)
                .count();
        // Until every rule has been evaluated once, well or not.
        RuleHealth health = Awaitility.await("Prometheus to evaluate every rule once").atMost(PATIENCE)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(LiveQueriesTest::ruleHealth, h -> h.evaluated() + h.unhealthy().size() == expected);
        assertThat(health.unhealthy()).as("rules Prometheus could not evaluate").isEmpty();
        assertThat(health.evaluated()).as("rules loaded and evaluated by Prometheus").isEqualTo(expected);
    }

    /** How many rules Prometheus evaluated without error, and those it could not evaluate, with the error. */
    record RuleHealth(int evaluated, List<String> unhealthy) {
    }

    static RuleHealth ruleHealth() throws Exception {
        List<String> unhealthy = new ArrayList<>();
        int evaluated = 0;
        for (JsonNode group : rules().path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String health = rule.path("health").asText();
                if (health.equals("ok")) {
                    evaluated++;
                } else if (health.equals("err")) {
                    unhealthy.add(rule.path("name").asText() + ": " + rule.path("lastError").asText());
                }
            }
        }
        return new RuleHealth(evaluated, unhealthy);
    }

    static JsonNode rules() throws Exception {
        URI uri = prometheus.baseUri().resolve("/api/v1/rules");
        String body = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return PromqlExpressions.JSON.readTree(body);
    }
}
