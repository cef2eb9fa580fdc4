package org.chatons.entraide.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The little PromQL reading that the other tests rely on. */
class PromQlTest {

    @Test
    void findsTheMetricsButNotFunctionsLabelsKeywordsOrNumbers() {
        assertThat(PromQl.metricNames("sum by (service, le) (rate(entraide_go_seconds_bucket{service=~\"$service\","
                + " outcome!=\"no_host\"}[$__rate_interval])) * 60 > 1e3 and on (service) up offset 5m"))
                .containsExactlyInAnyOrder("entraide_go_seconds_bucket", "up");
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum without (instance) (rate(a_b:c[5m:1m])))"))
                .containsExactly("a_b:c");
        assertThat(PromQl.metricNames("count(x > 0) or vector(0)")).containsExactly("x");
        assertThat(PromQl.metricNames("y * on (host) group_left (member) z")).containsExactlyInAnyOrder("y", "z");
        assertThat(PromQl.metricNames("label_replace(w, \"dst\", \"$1\", \"src\", \"(.*)\")")).containsExactly("w");
    }

    @Test
    void readsTheSelectorOfLabelValuesQueries() {
        assertThat(PromQl.metricNames("label_values(entraide_host_eligible{service=~\"$service\"}, member)"))
                .containsExactly("entraide_host_eligible");
        assertThat(PromQl.labelValuesSelector("label_values(up{job=\"broker\"}, instance)"))
                .isEqualTo("up{job=\"broker\"}");
        assertThat(PromQl.labelValuesSelector("label_values(instance)")).isNull();
    }

    @Test
    void replacesGrafanaVariablesWithValuesPrometheusAccepts() {
        assertThat(PromQl.withGrafanaVariables(
                "rate(x{a=~\"$service\", b=~\"${member}\", c=~\"[[host]]\"}[$__rate_interval]) + increase(x[$__range])"))
                .isEqualTo("rate(x{a=~\".*\", b=~\".*\", c=~\".*\"}[1m]) + increase(x[5m])");
        assertThat(PromQl.withGrafanaVariables("label_replace(x, \"d\", \"$1\", \"s\", \"(.*)\")"))
                .as("a regex group reference is no variable")
                .isEqualTo("label_replace(x, \"d\", \"$1\", \"s\", \"(.*)\")");
    }
}
