package org.chatons.entraide.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chatons.entraide.dashboard.PromqlExpressions.Expression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed dashboard is one Grafana can load and that reads only metrics that exist: panels with the
 * provisioned datasource and real queries, the service and member variables, a layout on the 24-column grid.
 */
class DashboardStructureTest {

    static Stream<Path> dashboards() {
        return DashboardFiles.locate().dashboards().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void hasAStableIdentityAndTheEntraideTag(Path file) {
        JsonNode d = PromqlExpressions.read(PromqlExpressions.JSON, file);
        assertThat(d.path("uid").asText()).startsWith("entraide-").hasSizeLessThanOrEqualTo(40);
        assertThat(d.path("title").asText()).isNotBlank();
        assertThat(d.path("schemaVersion").asInt()).isPositive();
        assertThat(d.path("tags").toString()).contains("\"entraide\"");
        assertThat(d.has("id")).as("no numeric id: Grafana assigns it, the uid is what stays").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void hasServiceAndMemberVariablesFromLabelValues(Path file) {
        JsonNode d = PromqlExpressions.read(PromqlExpressions.JSON, file);
        Map<String, JsonNode> variables = new TreeMap<>();
        d.path("templating").path("list").forEach(v -> variables.put(v.path("name").asText(), v));
        assertThat(variables).containsKeys("service", "member");
        if (file.getFileName().toString().equals("host.json")) {
            assertThat(variables).containsKey("host");
        }
        variables.forEach((name, v) -> {
            assertThat(v.path("type").asText()).as(name).isEqualTo("query");
            assertThat(v.path("datasource").path("uid").asText()).as(name).isEqualTo(Grafana.DATASOURCE_UID);
            assertThat(PromQl.labelValuesSelector(PromqlExpressions.variableQuery(v)))
                    .as("%s: a label_values(selector, label) query", name).isNotNull();
            assertThat(v.path("allValue").asText()).as("%s: All must match every value, as .*", name).isEqualTo(".*");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void everyPanelQueriesTheProvisionedDatasource(Path file) {
        JsonNode d = PromqlExpressions.read(PromqlExpressions.JSON, file);
        List<JsonNode> panels = PromqlExpressions.panels(d);
        assertThat(panels).isNotEmpty();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(title).as("a panel without a title").isNotBlank();
            assertThat(panel.path("description").asText()).as("%s: description (what it shows)", title).isNotBlank();
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(Grafana.DATASOURCE_UID);
            assertThat(panel.path("datasource").path("type").asText()).as(title).isEqualTo("prometheus");
            assertThat(panel.path("targets")).as("%s: at least one query", title).isNotEmpty();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as("%s: every query has an expr", title).isNotBlank();
                assertThat(refIds.add(target.path("refId").asText())).as("%s: refIds are unique", title).isTrue();
                assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo(Grafana.DATASOURCE_UID);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void panelsHaveUniqueIdsAndFitTheGridWithoutOverlapping(Path file) {
        JsonNode d = PromqlExpressions.read(PromqlExpressions.JSON, file);
        Set<Integer> ids = new HashSet<>();
        List<int[]> boxes = new ArrayList<>();
        for (JsonNode panel : d.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s is unique", panel.path("id")).isTrue();
            JsonNode g = panel.path("gridPos");
            int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
            assertThat(box[2]).isPositive();
            assertThat(box[3]).isPositive();
            assertThat(box[0] + box[2]).as("%s fits in 24 columns", panel.path("title")).isLessThanOrEqualTo(24);
            for (int[] other : boxes) {
                boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                        && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                assertThat(overlap).as("%s overlaps another panel", panel.path("title")).isFalse();
            }
            boxes.add(box);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void readsOnlyMetricsThatExist(Path file) {
        KnownMetrics.assertReadOnlyKnownMetrics(PromqlExpressions.fromDashboard(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void filtersByItsVariables(Path file) {
        List<Expression> expressions = PromqlExpressions.fromDashboard(file);
        String all = expressions.stream().map(Expression::expr).collect(Collectors.joining("\n"));
        assertThat(all).as("the service variable is used").contains("$service");
        assertThat(all).as("the member variable is used").contains("$member");
    }
}
