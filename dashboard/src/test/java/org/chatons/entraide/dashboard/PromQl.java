package org.chatons.entraide.dashboard;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL to check and run the expressions of the dashboards and the rules: Grafana's template variables
 * replaced by values Prometheus accepts, and the metric names an expression reads. Not a parser: it strips what
 * cannot hold a metric name (strings, label matchers, ranges, grouping labels) and keeps the identifiers that are
 * neither functions nor keywords.
 */
public final class PromQl {

    /** What Grafana's built-in interval variables become when an expression is run outside Grafana. */
    public static final String RATE_INTERVAL = "1m";
    public static final String RANGE = "5m";

    private static final Pattern BUILT_IN = Pattern.compile("\\$\\{?__(rate_interval|interval|range)}?");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_]\\w*)(:\\w+)?}|\\$([A-Za-z_]\\w*)|\\[\\[([A-Za-z_]\\w*)]]");
    private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE_OR_SUBQUERY = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?\\w+");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[a-zA-Z_:][\\w:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "atan2", "inf", "nan", "Inf", "NaN");

    private PromQl() {
    }

    /**
     * The expression with Grafana's variables replaced: {@code $__rate_interval} and {@code $__interval} by
     * {@value #RATE_INTERVAL}, {@code $__range} by {@value #RANGE}, and every other variable ({@code $service},
     * {@code ${member}}, {@code [[host]]}) by {@code .*}, the value of "All" in these dashboards.
     */
    public static String withGrafanaVariables(String expr) {
        Matcher builtIn = BUILT_IN.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (builtIn.find()) {
            builtIn.appendReplacement(out, "range".equals(builtIn.group(1)) ? RANGE : RATE_INTERVAL);
        }
        builtIn.appendTail(out);
        return VARIABLE.matcher(out).replaceAll(Matcher.quoteReplacement(".*"));
    }

    /**
     * The series selector inside a template variable's {@code label_values(selector, label)} query, or null for
     * {@code label_values(label)} and other forms that read no particular metric.
     */
    public static String labelValuesSelector(String query) {
        Matcher m = LABEL_VALUES.matcher(query);
        return m.matches() ? m.group(1).trim() : null;
    }

    /** The metric names that the expression (or a template variable's label_values query) reads. */
    public static Set<String> metricNames(String expr) {
        String selector = labelValuesSelector(expr);
        String text = withGrafanaVariables(selector != null ? selector : expr);
        text = STRING.matcher(text).replaceAll("\"\"");
        text = MATCHERS.matcher(text).replaceAll(" ");
        text = RANGE_OR_SUBQUERY.matcher(text).replaceAll(" ");
        text = GROUPING.matcher(text).replaceAll(" ");
        text = OFFSET.matcher(text).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String name = m.group();
            boolean isCall = text.substring(m.end()).matches("(?s)\\s*\\(.*");
            if (!isCall && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
