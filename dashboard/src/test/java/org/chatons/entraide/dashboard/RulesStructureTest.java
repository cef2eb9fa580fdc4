package org.chatons.entraide.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chatons.entraide.dashboard.PromqlExpressions.Expression;
import org.chatons.entraide.dashboard.PromqlExpressions.Kind;
import org.junit.jupiter.api.Test;

/**
 * The alert rules are written for coordinators and tested: severity, a summary and a description on each, metric
 * names that exist, and a promtool test where each alert fires. promtool itself runs in check.sh.
 */
class RulesStructureTest {

    private static final Set<String> SEVERITIES = Set.of("critical", "warning");
    private final DashboardFiles files = DashboardFiles.locate();

    private List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        for (Path file : files.rules()) {
            for (JsonNode group : PromqlExpressions.read(PromqlExpressions.YAML, file).path("groups")) {
                group.path("rules").forEach(rule -> {
                    if (rule.has("alert")) {
                        alerts.add(rule);
                    }
                });
            }
        }
        return alerts;
    }

    @Test
    void theIssueAlertsAreAllThere() {
        assertThat(alerts()).extracting(a -> a.path("alert").asText()).contains(
                "EntraideServiceNoEligibleHost", "EntraideServiceLowHeadroom", "EntraideHostReportsStopped",
                "EntraideProbeAgentPushFailing", "EntraideProbeAgentCircuitOpen", "EntraideBrokerDown",
                "EntraideBrokerMissing");
    }

    @Test
    void everyAlertHasASeverityASummaryAndADescription() {
        Set<String> names = new HashSet<>();
        for (JsonNode alert : alerts()) {
            String name = alert.path("alert").asText();
            assertThat(names.add(name)).as("alert names are unique: %s", name).isTrue();
            assertThat(name).as("alert names start with Entraide").startsWith("Entraide");
            assertThat(alert.path("labels").path("severity").asText()).as(name).isIn(SEVERITIES);
            String summary = alert.path("annotations").path("summary").asText();
            String description = alert.path("annotations").path("description").asText();
            assertThat(summary).as("%s: summary", name).isNotBlank().doesNotContain("\n");
            assertThat(description).as("%s: description", name).isNotBlank().hasSizeGreaterThan(summary.length());
        }
    }

    @Test
    void rulesReadOnlyMetricsThatExist() {
        KnownMetrics.assertReadOnlyKnownMetrics(files.rules().stream()
                .flatMap(f -> PromqlExpressions.fromRules(f).stream()).toList());
        assertThat(KnownMetrics.recordedNames()).as("recording rules follow level:metric:operations").allMatch(n -> n.split(":").length == 3);
    }

    @Test
    void everyAlertHasAPromtoolTestWhereItFires() {
        Set<String> firing = new HashSet<>();
        Set<String> silent = new HashSet<>();
        for (Path test : files.ruleTests()) {
            JsonNode root = PromqlExpressions.read(PromqlExpressions.YAML, test);
            assertThat(root.path("rule_files").toString()).as("%s tests the rules", test).contains("entraide.rules.yml");
            for (JsonNode group : root.path("tests")) {
                for (JsonNode check : group.path("alert_rule_test")) {
                    String name = check.path("alertname").asText();
                    (check.path("exp_alerts").isEmpty() ? silent : firing).add(name);
                }
            }
        }
        Set<String> alerts = alerts().stream().map(a -> a.path("alert").asText()).collect(Collectors.toSet());
        assertThat(firing).as("alerts with a promtool test where they fire").containsAll(alerts);
        assertThat(firing).as("tests of alerts that do not exist").isSubsetOf(alerts);
        assertThat(silent).as("tests of alerts that do not exist").isSubsetOf(alerts);
    }

    @Test
    void expressionsAreFoundInEveryRule() {
        List<Expression> all = PromqlExpressions.all();
        assertThat(all).filteredOn(e -> e.kind() == Kind.ALERT).hasSize(alerts().size());
        assertThat(all).filteredOn(e -> e.kind() == Kind.RECORD).isNotEmpty();
        assertThat(all).filteredOn(e -> e.kind() == Kind.PANEL).hasSizeGreaterThan(30);
        assertThat(all).allSatisfy(e -> assertThat(e.query()).doesNotContain("$"));
    }
}
