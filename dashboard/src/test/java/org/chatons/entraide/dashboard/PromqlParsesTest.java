package org.chatons.entraide.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chatons.entraide.dashboard.PromqlExpressions.Expression;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every expression of the dashboards and rules is valid PromQL for a real Prometheus (with Grafana's variables
 * replaced): run against an empty server, each must answer "success" (no series is expected here). Skipped where
 * the {@code prometheus} binary is missing (Debian's package "prometheus" ships it with promtool).
 */
class PromqlParsesTest {

    private static PrometheusProcess prometheus;

    @BeforeAll
    static void startPrometheus(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(PrometheusProcess.available(), "no prometheus binary on the PATH");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1h\nscrape_configs: []\n");
        prometheus = PrometheusProcess.start(config);
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void everyExpressionIsValidPromql() throws Exception {
        List<String> errors = new ArrayList<>();
        List<Expression> expressions = PromqlExpressions.all();
        for (Expression e : expressions) {
            JsonNode answer = prometheus.query(e.query());
            if (!"success".equals(answer.path("status").asText())) {
                errors.add(e + "\n    ran: " + e.query() + "\n    " + answer.path("error").asText());
            }
        }
        assertThat(errors).as("expressions Prometheus refused").isEmpty();
        assertThat(expressions).hasSizeGreaterThan(40);
    }
}
