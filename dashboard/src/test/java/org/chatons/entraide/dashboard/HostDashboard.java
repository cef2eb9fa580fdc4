package org.chatons.entraide.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** "Host": one host (or a few) over time: load, estimated load, users, report age, status, eligibility. */
final class HostDashboard {

    static final String UID = "entraide-host";
    private static final String SM = "service=~\"$service\", member=~\"$member\"";
    private static final String H = SM + ", host=~\"$host\"";

    private HostDashboard() {
    }

    static ObjectNode build() {
        Dashboard d = new Dashboard(UID, "Entraide: host",
                "One host over time, as the brokers see it and as its member's probe agent measures it.")
                .variable("service", "Service", FederationDashboard.SERVICES)
                .variable("member", "Member", FederationDashboard.MEMBERS)
                .variable("host", "Host", "label_values(entraide_host_eligible{" + SM + "}, host)");

        d.row("Load")
                .add(Panel.timeseries("Load: reported and estimated", "Reported: the load in the host's last report "
                                + "(1.0 = full; none when the host gives no user count). Estimated (dashed): reported "
                                + "(or 0) + users sent since that report / capacity, what the broker chooses on. No new "
                                + "user above 0.85 (full-at).", 12, 8)
                        .query("max by (member, host) (entraide_host_load{" + H + "})", "{{member}}/{{host}} reported")
                        .query("max by (member, host) (entraide_host_estimated_load{" + H + "})",
                                "{{member}}/{{host}} estimated")
                        .unit("percentunit").min(0).thresholds("green", 0.85, "red").thresholdLines()
                        .dashed(".*estimated"))
                .add(Panel.timeseries("Active users and capacity", "Users on the host as its software counts them "
                                + "(none when it gives no count: Lufi, Lstu, plain HTTP checks, the host down), and "
                                + "the capacity its member declared (dashed).", 12, 8)
                        .query("max by (member, host) (entraide_host_active_users{" + H + "})",
                                "{{member}}/{{host}} active")
                        .query("max by (member, host) (entraide_host_capacity_users{" + H + "})",
                                "{{member}}/{{host}} capacity")
                        .min(0).dashed(".*capacity"));

        d.row("Reports and status")
                .add(Panel.stateTimeline("Status", "The status in the host's reports: UP, DEGRADED (used only when "
                                + "no UP host is left), DOWN.", 12, 8)
                        .query(FederationDashboard.STATUS_BY_HOST.formatted(H, H), "{{member}}/{{host}}")
                        .mappings(2, "UP", "green", 1, "DEGRADED", "orange", 0, "DOWN", "red"))
                .add(Panel.stateTimeline("Eligible for new users", "Whether the broker may send the host a new user: "
                                + "confirmed member, fresh report, UP, open, not full, not drained.", 12, 8)
                        .query("max by (member, host) (entraide_host_eligible{" + H + "})", "{{member}}/{{host}}")
                        .mappings(1, "eligible", "green", 0, "not eligible", "red"))
                .add(Panel.timeseries("Report age", "Time since the freshest report a broker holds for the host. "
                                + "Past the age at which its report goes stale (dashed: three of its agent's "
                                + "reporting intervals, 90 s for an agent reporting every 30 s) the host gets no new "
                                + "users.", 12, 8)
                        .query("min by (member, host) (entraide_host_report_age_seconds{" + H + "})",
                                "{{member}}/{{host}}")
                        .query("max by (member, host) (entraide_host_stale_after_seconds{" + H + "})",
                                "{{member}}/{{host}} stale after")
                        .unit("s").min(0).dashed(".*stale after"))
                .add(Panel.timeseries("New users sent per minute", "Users the brokers sent to the host.", 12, 8)
                        .query("sum by (member, host) (rate(entraide_redirects_total{" + H + "}[$__rate_interval])) * 60",
                                "{{member}}/{{host}}")
                        .min(0));

        d.row("The probe agent's view")
                .add(Panel.stateTimeline("Probe result", "Whether the last probe of the member's agent found the "
                                + "service UP (seen only when Prometheus scrapes that agent).", 12, 7)
                        .query("max by (instance, host) (entraide_probe_up{host=~\"$host\"})", "{{host}} ({{instance}})")
                        .mappings(1, "up", "green", 0, "not up", "red"))
                .add(Panel.timeseries("Probe duration", "How long the agent's last probe of the host took; the "
                                + "agent gives up after its timeout (5 s by default) and reports DOWN.", 12, 7)
                        .query("max by (instance, host) (entraide_probe_duration_seconds{host=~\"$host\"})",
                                "{{host}} ({{instance}})")
                        .unit("s").min(0));
        return d.json();
    }
}
