package org.chatons.entraide.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A small builder of Grafana dashboard JSON (schema 39, Grafana 10 and 11), so that the three dashboards share one
 * way of writing a panel, one datasource and one layout. Panels flow left to right on Grafana's 24-column grid and
 * wrap to a new line; rows start a new line. Only what differs from Grafana's defaults is written.
 */
final class Grafana {

    /** The uid of the datasource provisioned in grafana/provisioning/datasources/prometheus.yml. */
    static final String DATASOURCE_UID = "entraide-prometheus";
    static final int SCHEMA_VERSION = 39;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Grafana() {
    }

    static ObjectNode datasource() {
        return NODES.objectNode().put("type", "prometheus").put("uid", DATASOURCE_UID);
    }

    /** A dashboard being built. */
    static final class Dashboard {
        private final ObjectNode json = NODES.objectNode();
        private final ArrayNode variables = NODES.arrayNode();
        private final ArrayNode panels = NODES.arrayNode();
        private int nextId = 1;
        private int x;
        private int y;
        private int lineHeight;

        Dashboard(String uid, String title, String description) {
            json.put("uid", uid).put("title", title).put("description", description);
            json.putArray("tags").add("entraide");
            json.put("editable", false).put("graphTooltip", 1).put("schemaVersion", SCHEMA_VERSION)
                    .put("version", 1).put("timezone", "browser").put("refresh", "30s");
            json.putObject("time").put("from", "now-3h").put("to", "now");
            json.putArray("links").addObject().put("type", "dashboards").put("title", "Entraide")
                    .put("asDropdown", false).put("includeVars", true).put("keepTime", true)
                    .set("tags", NODES.arrayNode().add("entraide"));
            json.putObject("templating").set("list", variables);
            json.set("panels", panels);
        }

        /** A multi-value variable with "All" (as {@code .*}) from {@code label_values(selector, label)}. */
        Dashboard variable(String name, String label, String labelValuesQuery) {
            ObjectNode v = variables.addObject();
            v.put("type", "query").put("name", name).put("label", label).set("datasource", datasource());
            v.putObject("query").put("qryType", 1).put("query", labelValuesQuery)
                    .put("refId", "PrometheusVariableQueryEditor-VariableQuery");
            v.put("definition", labelValuesQuery).put("refresh", 2).put("sort", 1)
                    .put("multi", true).put("includeAll", true).put("allValue", ".*");
            ObjectNode current = v.putObject("current");
            current.putArray("text").add("All");
            current.putArray("value").add("$__all");
            return this;
        }

        /** A row title across the whole width, on a new line. */
        Dashboard row(String title) {
            newLine();
            ObjectNode row = panels.addObject();
            row.put("id", nextId++).put("type", "row").put("title", title).put("collapsed", false);
            row.set("gridPos", gridPos(0, y, 24, 1));
            row.putArray("panels");
            y += 1;
            return this;
        }

        Dashboard add(Panel panel) {
            if (x + panel.width > 24) {
                newLine();
            }
            ObjectNode p = panel.json;
            p.put("id", nextId++);
            p.set("gridPos", gridPos(x, y, panel.width, panel.height));
            panels.add(p);
            x += panel.width;
            lineHeight = Math.max(lineHeight, panel.height);
            return this;
        }

        ObjectNode json() {
            return json;
        }

        private void newLine() {
            y += lineHeight;
            x = 0;
            lineHeight = 0;
        }

        private static ObjectNode gridPos(int x, int y, int w, int h) {
            return NODES.objectNode().put("h", h).put("w", w).put("x", x).put("y", y);
        }
    }

    /** One panel: its type, queries and field settings. */
    static final class Panel {
        final ObjectNode json = NODES.objectNode();
        final int width;
        final int height;
        private final ArrayNode targets;
        private final ObjectNode defaults;
        private final ArrayNode overrides;

        private Panel(String type, String title, String description, int width, int height) {
            this.width = width;
            this.height = height;
            json.put("type", type).put("title", title).put("description", description);
            json.set("datasource", datasource());
            targets = json.putArray("targets");
            ObjectNode fieldConfig = json.putObject("fieldConfig");
            defaults = fieldConfig.putObject("defaults");
            overrides = fieldConfig.putArray("overrides");
        }

        /** Lines over time; legend as a table with the last value, tooltip with every series. */
        static Panel timeseries(String title, String description, int width, int height) {
            Panel p = new Panel("timeseries", title, description, width, height);
            p.defaults.putObject("custom").put("fillOpacity", 10).put("showPoints", "never").put("lineWidth", 1);
            ObjectNode options = p.json.putObject("options");
            options.putObject("legend").put("displayMode", "table").put("placement", "bottom").put("showLegend", true)
                    .set("calcs", NODES.arrayNode().add("lastNotNull"));
            options.putObject("tooltip").put("mode", "multi").put("sort", "desc");
            return p;
        }

        /** One big number per query, the last value, with a sparkline. */
        static Panel stat(String title, String description, int width, int height) {
            Panel p = new Panel("stat", title, description, width, height);
            ObjectNode options = p.json.putObject("options");
            options.putObject("reduceOptions").put("values", false).put("fields", "")
                    .set("calcs", NODES.arrayNode().add("lastNotNull"));
            options.put("colorMode", "value").put("graphMode", "area").put("textMode", "value_and_name");
            return p;
        }

        /** Each series as a band whose colour is its mapped state over time. */
        static Panel stateTimeline(String title, String description, int width, int height) {
            Panel p = new Panel("state-timeline", title, description, width, height);
            p.json.putObject("options").put("showValue", "never").put("mergeValues", true).put("rowHeight", 0.8)
                    .putObject("legend").put("displayMode", "list").put("placement", "bottom").put("showLegend", true);
            p.defaults.putObject("color").put("mode", "thresholds");
            return p;
        }

        /** Shares of a whole, from instant queries. */
        static Panel piechart(String title, String description, int width, int height) {
            Panel p = new Panel("piechart", title, description, width, height);
            ObjectNode options = p.json.putObject("options");
            options.putObject("reduceOptions").put("values", false).put("fields", "")
                    .set("calcs", NODES.arrayNode().add("lastNotNull"));
            options.put("pieType", "pie").set("displayLabels", NODES.arrayNode().add("percent"));
            options.putObject("legend").put("displayMode", "table").put("placement", "right").put("showLegend", true)
                    .set("values", NODES.arrayNode().add("value").add("percent"));
            return p;
        }

        /** A table of instant queries merged on their labels, one column per query. */
        static Panel table(String title, String description, int width, int height) {
            Panel p = new Panel("table", title, description, width, height);
            p.json.putObject("options").put("showHeader", true)
                    .putArray("sortBy").addObject().put("displayName", "service").put("desc", false);
            return p;
        }

        /** A query over time; legend like {@code {{service}}}. */
        Panel query(String expr, String legend) {
            ObjectNode t = target(expr, legend);
            t.put("range", true).put("instant", false);
            return this;
        }

        /** A query at the end of the time range only (stat, pie, table). */
        Panel instant(String expr, String legend) {
            ObjectNode t = target(expr, legend);
            t.put("range", false).put("instant", true);
            if ("table".equals(json.path("type").asText())) {
                t.put("format", "table");
            }
            return this;
        }

        Panel unit(String unit) {
            defaults.put("unit", unit);
            return this;
        }

        Panel min(double min) {
            defaults.put("min", min);
            return this;
        }

        Panel max(double max) {
            defaults.put("max", max);
            return this;
        }

        Panel decimals(int decimals) {
            defaults.put("decimals", decimals);
            return this;
        }

        /** Colour steps: a base colour, then (value, colour) pairs in increasing order. */
        Panel thresholds(String base, Object... steps) {
            defaults.set("thresholds", thresholdsNode(base, steps));
            return this;
        }

        /** Draw the thresholds on a time series as dashed lines. */
        Panel thresholdLines() {
            ((ObjectNode) defaults.path("custom")).putObject("thresholdsStyle").put("mode", "dashed");
            return this;
        }

        /** Value mappings: (value, text, colour) triples, such as 1 shown as "UP" in green. */
        Panel mappings(Object... triples) {
            defaults.set("mappings", mappingsNode(triples));
            return this;
        }

        /** Stack the series, as absolute values ("normal") or shares of 100 % ("percent"). */
        Panel stacked(String mode) {
            ObjectNode custom = (ObjectNode) defaults.path("custom");
            custom.putObject("stacking").put("mode", mode).put("group", "A");
            custom.put("fillOpacity", 60);
            return this;
        }

        /** Draw as bars rather than lines (counts of events). */
        Panel bars() {
            ((ObjectNode) defaults.path("custom")).put("drawStyle", "bars").put("fillOpacity", 80);
            return this;
        }

        /** Series whose name matches the regex are drawn dashed, not filled (capacities beside usage). */
        Panel dashed(String seriesRegex) {
            return override("byRegexp", seriesRegex,
                    property("custom.lineStyle", NODES.objectNode().put("fill", "dash")
                            .set("dash", NODES.arrayNode().add(10).add(10))),
                    property("custom.fillOpacity", NODES.numberNode(0)));
        }

        /** Series whose name matches the regex get a fixed colour. */
        Panel color(String seriesRegex, String color) {
            return override("byRegexp", seriesRegex, property("color",
                    NODES.objectNode().put("mode", "fixed").put("fixedColor", color)));
        }

        /** Settings of one table column (after the organize transformation renamed it). */
        Panel column(String name, ObjectNode... properties) {
            return override("byName", name, properties);
        }

        /** Grafana transformations for tables: merge the queries, hide Time, rename "Value #A"... */
        Panel mergeColumns(List<String> order, String... valueRenames) {
            ArrayNode transformations = json.putArray("transformations");
            transformations.addObject().put("id", "merge").putObject("options");
            ObjectNode organize = transformations.addObject().put("id", "organize").putObject("options");
            organize.putObject("excludeByName").put("Time", true);
            ObjectNode index = organize.putObject("indexByName");
            for (int i = 0; i < order.size(); i++) {
                index.put(order.get(i), i);
            }
            ObjectNode rename = organize.putObject("renameByName");
            for (int i = 0; i < valueRenames.length; i += 2) {
                rename.put(valueRenames[i], valueRenames[i + 1]);
            }
            return this;
        }

        static ObjectNode property(String id, JsonNode value) {
            return NODES.objectNode().put("id", id).set("value", value);
        }

        static ObjectNode property(String id, String value) {
            return NODES.objectNode().put("id", id).put("value", value);
        }

        static ObjectNode cellColors(String base, Object... steps) {
            return property("thresholds", thresholdsNode(base, steps));
        }

        static ObjectNode colorBackground() {
            return property("custom.cellOptions", NODES.objectNode().put("type", "color-background"));
        }

        static ObjectNode link(String title, String url) {
            ArrayNode links = NODES.arrayNode();
            links.addObject().put("title", title).put("url", url);
            return property("links", links);
        }

        static ObjectNode mappingsProperty(Object... triples) {
            return property("mappings", mappingsNode(triples));
        }

        private Panel override(String matcher, String option, ObjectNode... properties) {
            ObjectNode o = overrides.addObject();
            o.putObject("matcher").put("id", matcher).put("options", option);
            ArrayNode props = o.putArray("properties");
            for (ObjectNode p : properties) {
                props.add(p);
            }
            return this;
        }

        private ObjectNode target(String expr, String legend) {
            ObjectNode t = targets.addObject();
            t.put("refId", String.valueOf((char) ('A' + targets.size() - 1)));
            t.set("datasource", datasource());
            t.put("expr", expr).put("legendFormat", legend);
            return t;
        }

        private static ArrayNode mappingsNode(Object... triples) {
            ObjectNode options = NODES.objectNode();
            for (int i = 0; i < triples.length; i += 3) {
                options.putObject(String.valueOf(triples[i])).put("text", (String) triples[i + 1])
                        .put("color", (String) triples[i + 2]).put("index", i / 3);
            }
            ArrayNode mappings = NODES.arrayNode();
            mappings.addObject().put("type", "value").set("options", options);
            return mappings;
        }

        private static ObjectNode thresholdsNode(String base, Object... steps) {
            ObjectNode thresholds = NODES.objectNode().put("mode", "absolute");
            ArrayNode list = thresholds.putArray("steps");
            list.addObject().put("color", base).putNull("value");
            for (int i = 0; i < steps.length; i += 2) {
                list.addObject().put("color", (String) steps[i + 1]).put("value", ((Number) steps[i]).doubleValue());
            }
            return thresholds;
        }
    }
}
