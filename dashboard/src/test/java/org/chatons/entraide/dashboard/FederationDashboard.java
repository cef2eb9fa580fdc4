package org.chatons.entraide.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * "Federation": can each service take new users, how much room is left, where do the new users go.
 * Gauges are the same on every broker (they all get every report): {@code max by (service)} keeps one copy.
 * Counters are each broker's own: they are summed.
 */
final class FederationDashboard {

    static final String UID = "entraide-federation";
    private static final String S = "service=~\"$service\"";
    private static final String SM = S + ", member=~\"$member\"";
    /** The service and member variables' queries, shared with the Host dashboard. */
    static final String SERVICES = "label_values(entraide_service_hosts, service)";
    static final String MEMBERS = "label_values(entraide_host_eligible{" + S + "}, member)";
    /** A host's status as one number for tables and timelines: UP 2, DEGRADED 1, DOWN 0. */
    static final String STATUS_BY_HOST = "max by (service, member, host) (entraide_host_status{%s, status=\"UP\"}) * 2"
            + " + max by (service, member, host) (entraide_host_status{%s, status=\"DEGRADED\"})";

    private FederationDashboard() {
    }

    static ObjectNode build() {
        Dashboard d = new Dashboard(UID, "Entraide: federation",
                "Per service: which can take new users, how much room is left, where the new users go.")
                .variable("service", "Service", SERVICES)
                .variable("member", "Member", MEMBERS);

        d.row("Can new users be sent somewhere?")
                .add(Panel.stat("Services with no eligible host",
                                "Services that have hosts, none of which may receive a new user now: every user "
                                        + "who asks for one of them is turned away.", 6, 5)
                        .query("count(max by (service) (entraide_service_hosts{" + S + "}) > 0 and on (service) "
                                + "max by (service) (entraide_service_eligible_hosts{" + S + "}) == 0) or vector(0)",
                                "services")
                        .thresholds("green", 1, "red").decimals(0))
                .add(Panel.stat("Hosts", "Hosts known to the broker, and those that may receive a new user now.", 6, 5)
                        .query("sum(max by (service) (entraide_service_eligible_hosts{" + S + "}))", "eligible")
                        .query("sum(max by (service) (entraide_service_hosts{" + S + "}))", "known")
                        .thresholds("blue").decimals(0))
                .add(Panel.stat("Users", "Active users reported by the hosts that count them, against the capacity "
                                + "of all the hosts; and the hosts that give no count (Lufi, Lstu, plain HTTP checks, "
                                + "hosts down), whose users are not in the first figure.", 6, 5)
                        .query("sum(max by (service) (entraide_service_active_users{" + S + "}))", "active")
                        .query("sum(max by (service) (entraide_service_capacity_users{" + S + "}))", "capacity")
                        .query("sum(max by (service) (entraide_service_hosts_users_unknown{" + S + "}))",
                                "hosts without a count")
                        .thresholds("blue").decimals(0))
                .add(Panel.stat("New users per minute", "Users sent to a host, and users turned away because no "
                                + "host could take them (all brokers together).", 6, 5)
                        .query("sum(rate(entraide_redirects_total{" + SM + "}[$__rate_interval])) * 60", "sent")
                        .query("sum(rate(entraide_no_eligible_host_total{" + S + "}[$__rate_interval])) * 60",
                                "turned away")
                        .thresholds("blue").color("turned away", "red"));

        d.row("Per service")
                .add(Panel.timeseries("Eligible hosts", "Hosts that may receive a new user now (fresh report, UP, "
                                + "open, not full, not drained, member confirmed). At zero, users are turned away.", 8, 8)
                        .query("max by (service) (entraide_service_eligible_hosts{" + S + "})", "{{service}}")
                        .min(0).decimals(0))
                .add(Panel.timeseries("Headroom", "Share of the service's total capacity still free on the hosts "
                                + "that can take new users: free seats on eligible hosts (capacity x (1 - estimated "
                                + "load)) / capacity of all its hosts, down, closed or full ones included. The alert "
                                + "EntraideServiceLowHeadroom fires below 20 %.", 8, 8)
                        .query("service:entraide_headroom:ratio{" + S + "}", "{{service}}")
                        .unit("percentunit").min(0).max(1).thresholds("red", 0.2, "green").thresholdLines())
                .add(Panel.timeseries("Active users against capacity", "Users on the service's hosts (as reported, "
                                + "by the hosts that count them), the capacity of all its hosts, and the capacity of "
                                + "the hosts open to new users now (dashed).", 8, 8)
                        .query("max by (service) (entraide_service_active_users{" + S + "})", "{{service}} active")
                        .query("max by (service) (entraide_service_eligible_capacity_users{" + S + "})",
                                "{{service}} capacity, eligible hosts")
                        .query("max by (service) (entraide_service_capacity_users{" + S + "})",
                                "{{service}} capacity, all hosts")
                        .min(0).dashed(".*capacity.*"))
                .add(Panel.timeseries("New users sent per minute", "Redirects to a host, by service, all brokers "
                                + "together.", 12, 8)
                        .query("sum by (service) (rate(entraide_redirects_total{" + SM + "}[$__rate_interval])) * 60",
                                "{{service}}")
                        .min(0))
                .add(Panel.timeseries("Users turned away per minute", "Requests that found no eligible host "
                                + "(503 instead of a redirect), by service.", 12, 8)
                        .query("sum by (service) (rate(entraide_no_eligible_host_total{" + S
                                + "}[$__rate_interval])) * 60", "{{service}}")
                        .min(0).bars());

        d.row("Members")
                .add(Panel.piechart("Share of new users per member", "Who welcomed the new users sent over the "
                                + "dashboard's time range.", 8, 9)
                        .instant("sum by (member) (increase(entraide_redirects_total{" + SM + "}[$__range]))",
                                "{{member}}"))
                .add(Panel.timeseries("Share of new users per member over time", "Each member's share of the users "
                                + "sent, stacked to 100 %.", 16, 9)
                        .query("sum by (member) (rate(entraide_redirects_total{" + SM + "}[$__rate_interval]))",
                                "{{member}}")
                        .stacked("percent"));

        d.row("Hosts").add(hostsTable());
        return d.json();
    }

    private static Panel hostsTable() {
        String byHost = "max by (service, member, host) (%s{" + SM + "})";
        return Panel.table("Hosts", "Every host now, as the brokers see it. Load 1.0 = full; the broker stops "
                        + "sending users at 0.85 (full-at). Estimated load adds the users sent since the last report. "
                        + "Load and active users are empty when the host gives no count: its estimated load is then "
                        + "only the users sent since. Click a host for its history.", 24, 10)
                .instant(STATUS_BY_HOST.formatted(SM, SM), "")
                .instant(byHost.formatted("entraide_host_eligible"), "")
                .instant(byHost.formatted("entraide_host_load"), "")
                .instant(byHost.formatted("entraide_host_estimated_load"), "")
                .instant(byHost.formatted("entraide_host_active_users"), "")
                .instant(byHost.formatted("entraide_host_capacity_users"), "")
                .instant("min by (service, member, host) (entraide_host_report_age_seconds{" + SM + "})", "")
                .mergeColumns(List.of("service", "member", "host"),
                        "Value #A", "status", "Value #B", "eligible", "Value #C", "load",
                        "Value #D", "estimated load", "Value #E", "active users", "Value #F", "capacity",
                        "Value #G", "report age")
                .column("host", Panel.link("History of ${__data.fields.host}",
                        "/d/" + HostDashboard.UID + "?var-service=${__data.fields.service}"
                                + "&var-member=${__data.fields.member}&var-host=${__data.fields.host}&${__url_time_range}"))
                .column("status", Panel.mappingsProperty(2, "UP", "green", 1, "DEGRADED", "orange", 0, "DOWN", "red"),
                        Panel.colorBackground())
                .column("eligible", Panel.mappingsProperty(1, "yes", "green", 0, "no", "red"), Panel.colorBackground())
                .column("load", Panel.property("unit", "percentunit"),
                        Panel.cellColors("green", 0.7, "orange", 0.85, "red"), Panel.colorBackground())
                .column("estimated load", Panel.property("unit", "percentunit"),
                        Panel.cellColors("green", 0.7, "orange", 0.85, "red"), Panel.colorBackground())
                .column("report age", Panel.property("unit", "s"),
                        Panel.cellColors("green", 60, "orange", 90, "red"), Panel.colorBackground());
    }
}
