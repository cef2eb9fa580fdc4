package org.chatons.entraide.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** "Broker": the brokers as programs: requests, /go latency, reports by outcome, JVM, and the agents' pushes. */
final class BrokerDashboard {

    static final String UID = "entraide-broker";
    private static final String B = "job=\"broker\", instance=~\"$instance\"";

    private BrokerDashboard() {
    }

    static ObjectNode build() {
        Dashboard d = new Dashboard(UID, "Entraide: broker",
                "The brokers themselves: HTTP traffic, /go latency, reports accepted and rejected, JVM; "
                        + "and the probe agents' pushes to them.")
                .variable("instance", "Broker", "label_values(up{job=\"broker\"}, instance)")
                .variable("service", "Service", "label_values(entraide_service_hosts{instance=~\"$instance\"}, service)")
                .variable("member", "Member", "label_values(entraide_reports_total{instance=~\"$instance\"}, member)");
        String go = "entraide_go_seconds_%s{" + B + ", service=~\"$service\"}";
        String reports = "entraide_reports_total{" + B + ", member=~\"$member\"}";

        d.row("Overview")
                .add(Panel.stat("Up", "Whether Prometheus can scrape the broker.", 6, 5)
                        .query("up{" + B + "}", "{{instance}}")
                        .mappings(1, "UP", "green", 0, "DOWN", "red"))
                .add(Panel.stat("Uptime", "Time since the broker started; it rebuilds its view from the reports "
                                + "within one report interval.", 6, 5)
                        .query("process_uptime_seconds{" + B + "}", "{{instance}}")
                        .unit("s").thresholds("blue"))
                .add(Panel.stat("/go answers per second", "Redirects and refusals of /go/{service}.", 6, 5)
                        .query("sum(rate(" + go.formatted("count") + "[$__rate_interval]))", "answers")
                        .unit("reqps").thresholds("blue"))
                .add(Panel.stat("Reports accepted per minute", "Probe reports the brokers accepted.", 6, 5)
                        .query("sum(rate(entraide_reports_total{" + B + ", member=~\"$member\", outcome=\"accepted\"}"
                                + "[$__rate_interval])) * 60", "accepted")
                        .thresholds("blue"));

        d.row("HTTP and /go")
                .add(Panel.timeseries("Requests per second by endpoint and status", "HTTP server metrics, by "
                                + "route template (uri=/go/{service}, status 302: the redirects), method and status.",
                                12, 8)
                        .query("sum by (method, uri, status) (rate(http_server_requests_seconds_count{" + B
                                + "}[$__rate_interval]))", "{{method}} {{uri}} {{status}}")
                        .unit("reqps").min(0))
                .add(Panel.timeseries("/go latency", "Time to answer /go/{service}: median and 99th percentile, "
                                + "from the broker's own histogram.", 12, 8)
                        .query("histogram_quantile(0.5, sum by (le) (rate(" + go.formatted("bucket")
                                + "[$__rate_interval])))", "p50")
                        .query("histogram_quantile(0.99, sum by (le) (rate(" + go.formatted("bucket")
                                + "[$__rate_interval])))", "p99")
                        .unit("s").min(0))
                .add(Panel.timeseries("/go answers per second by outcome", "redirect: sent to a host; no_host: no "
                                + "eligible host (503); unknown_service: 404.", 12, 8)
                        .query("sum by (outcome) (rate(" + go.formatted("count") + "[$__rate_interval]))", "{{outcome}}")
                        .unit("reqps").min(0).color("redirect", "green").color("no_host", "red"))
                .add(Panel.timeseries("Mean HTTP latency by endpoint", "Average time to answer, by endpoint.", 12, 8)
                        .query("sum by (uri) (rate(http_server_requests_seconds_sum{" + B + "}[$__rate_interval]))"
                                + " / sum by (uri) (rate(http_server_requests_seconds_count{" + B
                                + "}[$__rate_interval]))", "{{uri}}")
                        .unit("s").min(0));

        d.row("Reports")
                .add(Panel.timeseries("Reports per minute by outcome", "Members' reports: accepted, dry_run (the "
                                + "agent's check command); rejected: malformed, invalid, forbidden, replay, too_large, "
                                + "unsupported_media_type. Attempts without a member's token are apart, below.", 12, 8)
                        .query("sum by (outcome) (rate(" + reports + "[$__rate_interval])) * 60", "{{outcome}}")
                        .min(0).color("accepted", "green"))
                .add(Panel.timeseries("Reports per minute by member and outcome", "Which member's agent sends "
                                + "what; a member whose reports are rejected is invisible to the broker.", 12, 8)
                        .query("sum by (member, outcome) (rate(" + reports + "[$__rate_interval])) * 60",
                                "{{member}}: {{outcome}}")
                        .min(0));

        d.row("Members file")
                .add(Panel.stat("Members file", "Whether the members file as it is on disk is in force. REFUSED: a "
                                + "change with a mistake, which the broker's log names by line and key; the previous "
                                + "members stay in force until the file is fixed.", 12, 5)
                        .query("min by (instance) (entraide_members_file_last_reload_successful{" + B + "})",
                                "{{instance}}")
                        .mappings(1, "in force", "green", 0, "REFUSED", "red"))
                .add(Panel.stat("Members", "Members in force, from the members file.", 12, 5)
                        .query("max by (instance) (entraide_members{" + B + "})", "{{instance}}")
                        .thresholds("blue"));

        d.row("Counting: floods, crawlers, previews")
                .add(Panel.timeseries("Redirects counted as less than a user", "Requests of /go and /pick that "
                                + "did not count in full, by reason: network (a network over its budget of counted "
                                + "redirects: one noisy client, or every user behind a proxy missing from "
                                + "broker.counting.trusted-proxies), unconfirmed (counted at the weight the reports "
                                + "confirm, below 1: a flood from many networks, link previews that pass for browsers), head, "
                                + "prefetch, embedded (a page's own request for /go) and robot (a link preview, "
                                + "search engine or script that names itself): no one sent.", 12, 8)
                        .query("sum by (service, reason) (rate(entraide_redirects_discounted_total{" + B
                                + ", service=~\"$service\"}[$__rate_interval]))", "{{service}}: {{reason}}")
                        .unit("reqps").min(0))
                .add(Panel.timeseries("How much a redirect counts", "1: a redirect reserves a whole user on its host "
                                + "until the next report. Lower while the hosts' reports show that the users sent do "
                                + "not arrive, or while redirects surge past what the reports confirm; back to 1 as "
                                + "soon as they show arrivals again. The lowest of the brokers.", 6, 8)
                        .query("min by (service) (entraide_service_redirect_weight{" + B + ", service=~\"$service\"})",
                                "{{service}}")
                        .min(0).max(1))
                .add(Panel.timeseries("Report attempts from unknown senders", "POSTs to /api/v1/reports without a "
                                + "member's token (scanners, or an agent whose token is wrong), per minute, by "
                                + "outcome: not a member's problem, so no alert.", 6, 8)
                        .query("sum by (outcome) (rate(entraide_reports_unauthenticated_total{" + B
                                + "}[$__rate_interval])) * 60", "{{outcome}}")
                        .min(0))
                .add(Panel.timeseries("How long people stay, learned", "Each service's usual stay, learned from "
                                + "its reports by Little's law (users present over users sent): it bounds how many "
                                + "users can have left between two reports. Quick to rise, slow to fall, and it "
                                + "falls only while the reports confirm the redirects. The implied stay is what the "
                                + "latest reports say: a flood makes it fall suddenly far below the usual one, fast "
                                + "honest churn does not.", 12, 8)
                        .query("max by (service) (entraide_service_usual_stay_seconds{" + B
                                + ", service=~\"$service\"})", "{{service}} usual")
                        .query("min by (service) (entraide_service_implied_stay_seconds{" + B
                                + ", service=~\"$service\"})", "{{service}} implied now")
                        .unit("s").min(0))
                .add(Panel.timeseries("Join grace", "How long a user sent to a host is given to show in its count "
                                + "(the users sent that close before a report are carried over to the next "
                                + "estimate): half the host's reporting interval, at most broker.counting.join-grace. "
                                + "The longest per service.", 12, 8)
                        .query("max by (service) (entraide_host_join_grace_seconds{" + B
                                + ", service=~\"$service\"})", "{{service}}")
                        .unit("s").min(0));

        d.row("ChatonsInfos")
                .add(Panel.stat("Federation file readable", "Whether the last refresh could read the federation's "
                                + "ChatonsInfos file; when not, the last good view stays in force "
                                + "(GET /api/v1/chatonsinfos says why).", 6, 8)
                        .query("entraide_chatonsinfos_federation_readable{" + B + "}", "{{instance}}")
                        .mappings(1, "read", "green", 0, "unreadable", "red"))
                .add(Panel.timeseries("Declared members and hosts", "Organizations in force and the services "
                                + "they declare that the broker may offer (eligible once their public probe says UP).",
                                6, 8)
                        .query("entraide_chatonsinfos_members{" + B + "}", "{{instance}} members")
                        .query("entraide_chatonsinfos_hosts{" + B + "}", "{{instance}} hosts")
                        .min(0))
                .add(Panel.timeseries("Refused, by reason", "Organizations and services of the federation the "
                                + "broker does not offer: not_public (an account is needed), foreign_domain, "
                                + "membership_ended, unknown_software, unreadable...", 6, 8)
                        .query("max by (reason) (entraide_chatonsinfos_refusals{" + B + "})", "{{reason}}")
                        .min(0))
                .add(Panel.timeseries("Public probes per minute by outcome", "The broker's probes of declared "
                                + "hosts from outside: up, degraded, down, skipped (circuit open after repeated "
                                + "failures).", 6, 8)
                        .query("sum by (outcome) (rate(entraide_public_probes_total{" + B + "}[$__rate_interval]))"
                                + " * 60", "{{outcome}}")
                        .min(0).color("up", "green").color("down", "red"));

        d.row("JVM")
                .add(Panel.timeseries("Memory", "Heap and non-heap memory used, and committed (dashed).", 6, 8)
                        .query("sum by (instance, area) (jvm_memory_used_bytes{" + B + "})", "{{instance}} {{area}} used")
                        .query("sum by (instance, area) (jvm_memory_committed_bytes{" + B + "})",
                                "{{instance}} {{area}} committed")
                        .unit("bytes").min(0).dashed(".*committed"))
                .add(Panel.timeseries("Time in GC pauses", "Share of the time the JVM was paused for garbage "
                                + "collection.", 6, 8)
                        .query("sum by (instance) (rate(jvm_gc_pause_seconds_sum{" + B + "}[$__rate_interval]))",
                                "{{instance}}")
                        .unit("percentunit").min(0))
                .add(Panel.timeseries("Threads", "Live and daemon threads.", 6, 8)
                        .query("jvm_threads_live_threads{" + B + "}", "{{instance}} live")
                        .query("jvm_threads_daemon_threads{" + B + "}", "{{instance}} daemon")
                        .min(0))
                .add(Panel.timeseries("CPU", "CPU used by the broker's process (1.0 = one whole machine).", 6, 8)
                        .query("process_cpu_usage{" + B + "}", "{{instance}}")
                        .unit("percentunit").min(0));

        d.row("Probe agents")
                .add(Panel.timeseries("Reports pushed per minute", "By agent, broker and outcome: success, rejected "
                                + "(the broker said no: see the reports above), failure (unreachable, timeout, 5xx), "
                                + "circuit_open (held back while the broker is away).", 12, 8)
                        .query("sum by (instance, broker, outcome) (rate(entraide_probe_push_total{job=\"probe-agent\"}"
                                + "[$__rate_interval])) * 60", "{{instance}} → {{broker}}: {{outcome}}")
                        .min(0))
                .add(Panel.stateTimeline("Agents' circuit breakers", "Each agent's circuit breaker towards each "
                                + "broker: closed (normal), half open (trying again), open (not trying).", 12, 8)
                        .query("sum by (instance, name) (resilience4j_circuitbreaker_state{job=\"probe-agent\", "
                                + "state=~\"open|forced_open\"}) * 2 + sum by (instance, name) "
                                + "(resilience4j_circuitbreaker_state{job=\"probe-agent\", state=\"half_open\"})",
                                "{{instance}} → {{name}}")
                        .mappings(0, "closed", "green", 1, "half open", "orange", 2, "open", "red"));
        return d.json();
    }
}
