package org.chatons.entraide.broker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import org.chatons.entraide.broker.config.SchedulingSwitch;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.chatons.entraide.broker.catalogue.Service;
import org.chatons.entraide.broker.catalogue.ServiceCatalogue;
import org.chatons.entraide.broker.counting.Visit;
import org.chatons.entraide.broker.registry.Host;
import org.chatons.entraide.broker.members.MembersChanged;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.reports.Outcome;
import org.chatons.entraide.broker.reports.ReportListener;
import org.chatons.entraide.broker.selection.Pick;
import org.chatons.entraide.broker.selection.PickListener;

/**
 * The broker's event metrics: reports, users sent, users turned away, time to answer {@code /go}. Labels come
 * from the catalogue and the members file only, never from a request, so no user can add a series, and nothing
 * about a user is ever a label.
 */
@Singleton
public final class BrokerMetrics implements PickListener, ReportListener {

    /** How a {@code /go} request ended, as the {@code outcome} label of {@code entraide_go_seconds}. */
    public enum GoOutcome { REDIRECT, NO_HOST, UNKNOWN_SERVICE }

    /** Buckets for {@code /go} latency: a pick takes microseconds, an answer a millisecond or so. */
    private static final Duration[] GO_BUCKETS = {Duration.ofNanos(250_000), Duration.ofNanos(500_000),
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1)};

    private static final String REPORTS = "entraide.reports";

    /**
     * As {@link HttpServerMetrics}'s, the Prometheus registry itself, not the composite one in front of it, whose
     * meters pass every event on to their children's: the {@code /go} timers record on every redirect.
     */
    private final PrometheusMeterRegistry registry;
    private final HostRegistry hosts;
    /** Per host: a plain adder read at scrape time, as {@link #discounted}'s, and its meter to remove it by. */
    private final Map<HostKey, Redirected> redirects = new ConcurrentHashMap<>();
    private final Map<String, Counter> noHost = new ConcurrentHashMap<>();
    /** Per service, by reason: the catalogue's services and {@link Visit}'s labels only. */
    private final Map<String, Map<String, LongAdder>> discounted = new ConcurrentHashMap<>();
    private static final String UNCONFIRMED = "unconfirmed";
    /** The {@code /go} timers of each service (or "unknown"), by outcome; filled as outcomes first happen. */
    private final Map<String, AtomicReferenceArray<Timer>> goTimers = new ConcurrentHashMap<>();

    public BrokerMetrics(PrometheusMeterRegistry registry, ServiceCatalogue catalogue, HostRegistry hosts) {
        this.registry = registry;
        this.hosts = hosts;
        // Present from the start at 0, so rates and alerts see a series before the first event.
        for (Service service : catalogue.all()) {
            noHostCounter(service.id());
            discounted(service.id(), UNCONFIRMED);
            for (Visit visit : Visit.values()) {
                if (!visit.counts()) {
                    discounted(service.id(), visit.label());
                }
            }
        }
    }

    /**
     * Counts a report attempt whose sender is not known (no token, an unknown one, a body too large to read): on
     * a public endpoint, scanners make these all day, so they have a series of their own, apart from the members'.
     */
    @Override
    public void unauthenticatedReport(Outcome outcome) {
        Counter.builder("entraide.reports.unauthenticated")
                .description("Report attempts from unknown senders (no or unknown token, body too large), by outcome")
                .tag("outcome", outcome.label()).register(registry).increment();
    }

    /** Counts a report of a known member by outcome. */
    @Override
    public void report(String member, Outcome outcome) {
        Counter.builder(REPORTS).description("Reports received from probe agents, by outcome")
                .tag("member", member).tag("outcome", outcome.label()).register(registry).increment();
    }

    @Override
    public void picked(Pick pick) {
        if (pick instanceof Pick.Sent sent) {
            if (sent.visit().sendsSomeone()) {
                Redirected counted = redirects.get(sent.host().key());
                if (counted == null) {
                    counted = redirects.computeIfAbsent(sent.host().key(), k -> registerRedirected(sent.host()));
                }
                counted.users().increment();
            }
            if (!sent.visit().counts()) {
                notAVisit(sent.host().service(), sent.visit());
            } else if (sent.weight() < 1) {
                discounted(sent.host().service(), UNCONFIRMED).increment();
            }
        } else if (pick instanceof Pick.NoHost none) {
            noHostCounter(none.service()).increment();
        }
    }

    /**
     * Counts a request of {@code /go} or {@code /pick} that did not count as a user: a {@code HEAD}, a prefetch, or
     * a redirect over its network's budget.
     */
    public void notAVisit(String service, Visit visit) {
        discounted(service, visit.label()).increment();
    }

    /**
     * A plain adder read at scrape time: during a flood every redirect passes here, and a counter of the composite
     * registry costs a few times more per increment.
     */
    private LongAdder discounted(String service, String reason) {
        Map<String, LongAdder> byReason = discounted.get(service);
        if (byReason == null) {
            byReason = discounted.computeIfAbsent(service, s -> new ConcurrentHashMap<>());
        }
        LongAdder adder = byReason.get(reason);
        return adder != null ? adder : byReason.computeIfAbsent(reason, r -> registerDiscounted(service, r));
    }

    private LongAdder registerDiscounted(String service, String reason) {
        LongAdder adder = new LongAdder();
        FunctionCounter.builder("entraide.redirects.discounted", adder, LongAdder::sum)
                .description("Requests for a user's redirect that counted as less than a user: head, prefetch, "
                        + "network (over its network's budget), unconfirmed (counted at the weight the reports "
                        + "confirm, below 1)")
                .tag("service", service).tag("reason", reason).register(registry);
        return adder;
    }

    /** Times one {@code /go} answer; {@code service} is null when it is not in the catalogue. */
    public void go(String service, GoOutcome outcome, long nanos) {
        String label = service == null ? "unknown" : service;
        AtomicReferenceArray<Timer> byOutcome = goTimers.get(label);
        if (byOutcome == null) {
            byOutcome = goTimers.computeIfAbsent(label, k -> new AtomicReferenceArray<>(GoOutcome.values().length));
        }
        Timer timer = byOutcome.get(outcome.ordinal());
        if (timer == null) {
            // Two threads may both get here: Micrometer hands both the same timer.
            timer = Timer.builder("entraide.go").description("Time to answer /go/{service}")
                    .tag("service", label).tag("outcome", outcome.name().toLowerCase())
                    .serviceLevelObjectives(GO_BUCKETS)
                    .register(registry);
            byOutcome.set(outcome.ordinal(), timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Removes the redirect counters of hosts the registry no longer holds (left out of their member's report, or
     * forgotten after a long silence), so that {@code /prometheus} holds the hosts there are, not every host there
     * ever was. A host that comes back starts a new counter from 0, which Prometheus reads as a reset.
     */
    @Scheduled(fixedDelay = "30s", initialDelay = "30s", condition = SchedulingSwitch.ON)
    public void forgetGoneHosts() {
        redirects.forEach((key, counted) -> {
            if (hosts.find(key).isEmpty() && redirects.remove(key, counted)) {
                registry.remove(counted.meter());
            }
        });
    }

    /** Removes the report counters of members no longer in the members file: the member label is theirs. */
    @EventListener
    void membersChanged(MembersChanged changed) {
        for (Counter counter : registry.find(REPORTS).counters()) {
            String member = counter.getId().getTag("member");
            if (changed.before().byId(member).isPresent() && changed.after().byId(member).isEmpty()) {
                registry.remove(counter);
            }
        }
    }

    private Redirected registerRedirected(Host host) {
        LongAdder users = new LongAdder();
        FunctionCounter meter = FunctionCounter.builder("entraide.redirects", users, LongAdder::sum)
                .description("New users sent to a host")
                .tag("service", host.service()).tag("member", host.key().member()).tag("host", host.key().host())
                .register(registry);
        return new Redirected(users, meter);
    }

    /** A host's count of users sent, and its meter. */
    private record Redirected(LongAdder users, FunctionCounter meter) {
    }

    private Counter noHostCounter(String service) {
        return noHost.computeIfAbsent(service, s -> Counter.builder("entraide.no.eligible.host")
                .description("New users turned away because no host of the service could take them")
                .tag("service", s).register(registry));
    }
}
