package org.chatons.entraide.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chatons.entraide.dashboard.PromqlExpressions.Expression;
import org.chatons.entraide.dashboard.PromqlExpressions.Kind;

/**
 * The metric names the dashboards and rules may read: what the broker (issue "Broker core") and the probe agent
 * (issue "Probe agent") export, the standard families of Micrometer and Prometheus, and the recording rules' own
 * names. A typo in a metric name shows as a name outside this list.
 */
final class KnownMetrics {

    /** The broker's own metrics, at GET /prometheus. */
    static final Set<String> BROKER = Set.of(
            "entraide_redirects_total",
            "entraide_no_eligible_host_total",
            "entraide_reports_total",
            "entraide_reports_unauthenticated_total",
            "entraide_redirects_discounted_total",
            "entraide_service_redirect_weight",
            "entraide_service_usual_stay_seconds",
            "entraide_service_implied_stay_seconds",
            "entraide_host_join_grace_seconds",
            "entraide_host_load",
            "entraide_host_estimated_load",
            "entraide_host_eligible",
            "entraide_host_report_age_seconds",
            "entraide_host_stale_after_seconds",
            "entraide_host_active_users",
            "entraide_host_capacity_users",
            "entraide_host_status",
            "entraide_service_eligible_hosts",
            "entraide_service_hosts",
            "entraide_service_active_users",
            "entraide_service_hosts_users_unknown",
            "entraide_service_capacity_users",
            "entraide_service_eligible_capacity_users",
            "entraide_members",
            "entraide_drain_exchanges_total",
            "entraide_members_file_last_reload_successful",
            "entraide_go_seconds_bucket",
            "entraide_go_seconds_count",
            "entraide_go_seconds_sum",
            "entraide_go_seconds_max",
            "entraide_chatonsinfos_federation_readable",
            "entraide_chatonsinfos_last_read_timestamp_seconds",
            "entraide_chatonsinfos_members",
            "entraide_chatonsinfos_hosts",
            "entraide_chatonsinfos_requests",
            "entraide_chatonsinfos_files",
            "entraide_chatonsinfos_refusals",
            "entraide_public_probes_total");

    /** The probe agent's own metrics, at GET /metrics on port 9464. */
    static final Set<String> PROBE_AGENT = Set.of(
            "entraide_probe_up",
            "entraide_probe_duration_seconds",
            "entraide_probe_push_total");

    /**
     * Families that Micrometer, Micronaut, Resilience4j and Prometheus itself provide, by their standard names
     * ({@code http_server_requests_seconds} is recorded by the broker's own filter under Micrometer's name).
     */
    static final List<String> STANDARD_PREFIXES = List.of("jvm_", "http_server_", "process_", "resilience4j_");
    static final Set<String> STANDARD = Set.of("up");

    private KnownMetrics() {
    }

    /** True if {@code name} is one of the above or one of {@code recorded} (the recording rules' names). */
    static boolean isKnown(String name, Set<String> recorded) {
        return BROKER.contains(name) || PROBE_AGENT.contains(name) || STANDARD.contains(name)
                || recorded.contains(name) || STANDARD_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** The names the recording rules of this checkout define. */
    static Set<String> recordedNames() {
        return DashboardFiles.locate().rules().stream()
                .flatMap(f -> PromqlExpressions.fromRules(f).stream())
                .filter(e -> e.kind() == Kind.RECORD)
                .map(e -> e.where().substring("record ".length()))
                .collect(Collectors.toSet());
    }

    /** Fails on an expression that reads no metric, or one that is not known (a typo, most likely). */
    static void assertReadOnlyKnownMetrics(List<Expression> expressions) {
        Set<String> recorded = recordedNames();
        assertThat(expressions).isNotEmpty();
        for (Expression e : expressions) {
            Set<String> names = PromQl.metricNames(e.expr());
            assertThat(names).as("%s reads no metric", e).isNotEmpty();
            assertThat(names).as("%s: unknown metric (a typo? see KnownMetrics)", e)
                    .allMatch(name -> isKnown(name, recorded));
        }
    }
}
