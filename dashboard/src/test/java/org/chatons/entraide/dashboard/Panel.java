package org.chatons.entraide.dashboard;

import static org.chatons.entraide.dashboard.Grafana.NODES;
import static org.chatons.entraide.dashboard.Grafana.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One panel of a Grafana dashboard: its type, queries and field settings. */
final class Panel {

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
