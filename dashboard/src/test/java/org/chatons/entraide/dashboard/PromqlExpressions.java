package org.chatons.entraide.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every PromQL expression of the dashboards and of the rules, with where it comes from: what the structure tests
 * check, and what a test against a real Prometheus scraping the demo can run one by one
 * ({@link Expression#query()}, Grafana's variables already replaced).
 */
public final class PromqlExpressions {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Where an expression comes from; only dashboard ones are expected to return series on a healthy demo. */
    public enum Kind {
        /** A panel's query in a dashboard. */
        PANEL,
        /** The series selector of a dashboard's template variable ({@code label_values(selector, label)}). */
        VARIABLE,
        /** An alerting rule's expression: it returns nothing while all is well. */
        ALERT,
        /** A recording rule's expression. */
        RECORD
    }

    /**
     * One expression.
     *
     * @param file  the file's name ({@code federation.json}, {@code entraide.rules.yml})
     * @param where the panel's title and refId, the variable's name, or the rule's name
     * @param kind  what it is
     * @param expr  the expression as written, Grafana variables included
     */
    public record Expression(String file, String where, Kind kind, String expr) {

        /** The expression ready for Prometheus's query API (Grafana's variables replaced, see {@link PromQl}). */
        public String query() {
            String selector = kind == Kind.VARIABLE ? PromQl.labelValuesSelector(expr) : null;
            return PromQl.withGrafanaVariables(selector != null ? selector : expr);
        }

        /** True for the expressions that should return series on a running federation (dashboards). */
        public boolean expectsSeries() {
            return kind == Kind.PANEL || kind == Kind.VARIABLE || kind == Kind.RECORD;
        }

        @Override
        public String toString() {
            return file + " / " + where + ": " + expr;
        }
    }

    private PromqlExpressions() {
    }

    /** Every expression of every dashboard and every rules file of this checkout. */
    public static List<Expression> all() {
        DashboardFiles files = DashboardFiles.locate();
        List<Expression> all = new ArrayList<>();
        files.dashboards().forEach(f -> all.addAll(fromDashboard(f)));
        files.rules().forEach(f -> all.addAll(fromRules(f)));
        return all;
    }

    /** The panels' targets (rows' nested panels included) and the template variables' selectors. */
    public static List<Expression> fromDashboard(Path file) {
        JsonNode dashboard = read(JSON, file);
        String name = file.getFileName().toString();
        List<Expression> out = new ArrayList<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                String query = variableQuery(variable);
                if (PromQl.labelValuesSelector(query) != null) {
                    out.add(new Expression(name, "variable " + variable.path("name").asText(), Kind.VARIABLE, query));
                }
            }
        }
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                String where = "panel \"" + panel.path("title").asText() + "\" " + target.path("refId").asText();
                out.add(new Expression(name, where, Kind.PANEL, target.path("expr").asText()));
            }
        }
        return out;
    }

    /** Every rule's expression in a Prometheus rules file. */
    public static List<Expression> fromRules(Path file) {
        JsonNode rules = read(YAML, file);
        String name = file.getFileName().toString();
        List<Expression> out = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                boolean alert = rule.has("alert");
                String ruleName = alert ? rule.path("alert").asText() : rule.path("record").asText();
                out.add(new Expression(name, (alert ? "alert " : "record ") + ruleName,
                        alert ? Kind.ALERT : Kind.RECORD, rule.path("expr").asText().strip()));
            }
        }
        return out;
    }

    /** The dashboard's panels, those inside collapsed rows included, rows themselves left out. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(out::add);
            } else {
                out.add(panel);
            }
        }
        return out;
    }

    /** A query variable's query: a string in older dashboards, an object with a {@code query} field in newer ones. */
    static String variableQuery(JsonNode variable) {
        JsonNode query = variable.path("query");
        return query.isObject() ? query.path("query").asText() : query.asText();
    }

    static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
