package org.chatons.entraide.broker.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.chatons.entraide.broker.catalogue.ServiceCatalogue;
import org.chatons.entraide.broker.counting.CountingRules;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.eligibility.HostState;
import org.chatons.entraide.broker.eligibility.ServiceState;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.protocol.HostStatus;

/**
 * The federation's state as gauges, computed at scrape time from the registry (as node_exporter's collectors
 * do): no gauge to register when a host appears or to remove when it is forgotten, and never a stale value.
 *
 * <p>Not registered with the Prometheus registry: {@link PrometheusScrape} writes each family before building the
 * next, so a scrape with 10,000 hosts holds one family's 10,000 samples at a time rather than all 120,000.
 */
@Singleton
public final class FederationCollector {

    private final ServiceCatalogue catalogue;
    private final FederationStatus status;
    private final Clock clock;
    private final HostRegistry registry;
    private final CountingRules counting;

    public FederationCollector(ServiceCatalogue catalogue, FederationStatus status, Clock clock,
                               HostRegistry registry, CountingRules counting) {
        this.registry = registry;
        this.counting = counting;
        this.catalogue = catalogue;
        this.status = status;
        this.clock = clock;
    }

    /** The families as of now, each built when it is asked for. */
    public List<Supplier<MetricSnapshot>> families() {
        Instant now = clock.instant();
        List<ServiceState> states = catalogue.all().stream().map(s -> status.service(s.id(), now)).toList();
        List<HostState> hosts = states.stream().flatMap(s -> s.hosts().stream()).toList();
        List<Supplier<MetricSnapshot>> gauges = new ArrayList<>();
        Map<HostState, Labels> labels = hostLabels(hosts);
        // A host whose report gives no user count (or no load) has no sample rather than a 0 it never reported.
        List<HostState> counted = hosts.stream().filter(h -> h.host().activeUsers() != null).toList();
        List<HostState> loadKnown = hosts.stream().filter(h -> h.host().loadKnown()).toList();
        gauges.add(() -> hostGauge("entraide_host_load",
                "Load from the host's last report (1.0 = full); none when unknown", loadKnown, labels,
                h -> h.host().reportedLoad()));
        gauges.add(() -> hostGauge("entraide_host_estimated_load",
                "Reported load (0 when unknown) plus the users this broker sent there since, over capacity", hosts,
                labels, HostState::estimatedLoad));
        gauges.add(() -> hostGauge("entraide_host_eligible", "1 when the host may receive a new user now", hosts,
                labels, h -> h.eligible() ? 1 : 0));
        gauges.add(() -> hostGauge("entraide_host_report_age_seconds", "Age of the host's last report", hosts, labels,
                h -> h.age().toMillis() / 1000.0));
        gauges.add(() -> hostGauge("entraide_host_stale_after_seconds",
                "Age at which the host's report goes stale: a few of its agent's reporting intervals, within bounds",
                hosts, labels, h -> h.staleAfter().toSeconds()));
        gauges.add(() -> hostGauge("entraide_host_active_users",
                "Active users in the host's last report, when it counts them", counted, labels,
                h -> h.host().activeUsers()));
        gauges.add(() -> hostGauge("entraide_host_capacity_users", "Users the host can serve, as its member declares",
                hosts, labels, h -> h.host().capacity()));
        gauges.add(() -> hostGauge("entraide_host_join_grace_seconds",
                "How long a user sent there is given to show in its count: half its agent's interval, within a bound",
                counted, labels, h -> counting.joinGrace(h.host().intervalSeconds()).toMillis() / 1000.0));
        gauges.add(() -> statusGauge(hosts, labels));
        gauges.add(() -> serviceGauge("entraide_service_hosts", "Hosts reporting for the service", states,
                s -> s.hosts().size()));
        gauges.add(() -> serviceGauge("entraide_service_eligible_hosts",
                "Hosts of the service that may take a new user", states, ServiceState::eligibleHosts));
        gauges.add(() -> serviceGauge("entraide_service_active_users",
                "Active users on the service's fresh reports that count them", states, ServiceState::activeUsers));
        gauges.add(() -> serviceGauge("entraide_service_hosts_users_unknown",
                "Hosts of the service whose fresh report gives no user count (left out of the active users)", states,
                ServiceState::hostsWithoutUserCount));
        gauges.add(() -> serviceGauge("entraide_service_capacity_users",
                "Capacity of the service's freshly reporting hosts", states, ServiceState::capacityUsers));
        gauges.add(() -> serviceGauge("entraide_service_eligible_capacity_users",
                "Capacity of the service's hosts that may take a new user", states,
                ServiceState::eligibleCapacityUsers));
        gauges.add(() -> serviceGauge("entraide_service_redirect_weight",
                "How much a redirect to the service counts in the estimates (1 = a user; less while its reports "
                        + "show that redirects do not become users: a flood)", states,
                s -> registry.redirectWeight(s.service())));
        // One sample per service of the catalogue, whatever the number of hosts: memory bounded.
        gauges.add(() -> serviceGauge("entraide_service_usual_stay_seconds",
                "How long people usually stay on the service, learned from its reports (Little's law): it bounds "
                        + "how many can leave between two reports; quick to rise, slow to fall", states,
                s -> registry.weightOf(s.service()).stay().toMillis() / 1000.0));
        gauges.add(() -> serviceGauge("entraide_service_implied_stay_seconds",
                "The stay the service's latest reports imply (users present over users sent); far below the usual "
                        + "stay in a flood; NaN until they cover enough redirects", states,
                s -> registry.weightOf(s.service()).impliedStaySeconds()));
        return gauges;
    }

    /**
     * Each host's labels, made once per scrape and shared by its families' samples: with 10,000 hosts a scrape
     * holds some 120,000 samples at once, and a copy of the labels for each was most of what it allocated.
     */
    private static Map<HostState, Labels> hostLabels(List<HostState> hosts) {
        Map<HostState, Labels> labels = new IdentityHashMap<>(hosts.size() * 2);
        for (HostState h : hosts) {
            labels.put(h, Labels.of("service", h.host().service(), "member", h.host().key().member(),
                    "host", h.host().key().host(), "source", h.host().source().label()));
        }
        return labels;
    }

    private static GaugeSnapshot hostGauge(String name, String help, List<HostState> hosts,
                                           Map<HostState, Labels> labels, ToDoubleFunction<HostState> value) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        for (HostState h : hosts) {
            gauge.dataPoint(new GaugeSnapshot.GaugeDataPointSnapshot(value.applyAsDouble(h), labels.get(h), null));
        }
        return gauge.build();
    }

    /** A state set: 1 for the host's current status, 0 for the others, so a graph can show status over time. */
    private static GaugeSnapshot statusGauge(List<HostState> hosts, Map<HostState, Labels> labels) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name("entraide_host_status")
                .help("1 for the status in the host's last report (UP, DEGRADED, DOWN), 0 for the others");
        for (HostState h : hosts) {
            Labels host = labels.get(h);
            for (HostStatus s : HostStatus.values()) {
                gauge.dataPoint(new GaugeSnapshot.GaugeDataPointSnapshot(h.host().status() == s ? 1 : 0,
                        host.add("status", s.name()), null));
            }
        }
        return gauge.build();
    }

    private static GaugeSnapshot serviceGauge(String name, String help, List<ServiceState> states,
                                              ToDoubleFunction<ServiceState> value) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        for (ServiceState s : states) {
            gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("service", s.service())).value(value.applyAsDouble(s)).build());
        }
        return gauge.build();
    }
}
