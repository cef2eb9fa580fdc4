package org.chatons.entraide.dashboard;

import static org.chatons.entraide.dashboard.Grafana.NODES;
import static org.chatons.entraide.dashboard.Grafana.SCHEMA_VERSION;
import static org.chatons.entraide.dashboard.Grafana.datasource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Grafana dashboard being built: its variables, then its panels, which flow left to right on Grafana's 24-column
 * grid and wrap to a new line; rows start a new line.
 */
final class Dashboard {

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
