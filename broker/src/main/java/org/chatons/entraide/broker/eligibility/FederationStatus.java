package org.chatons.entraide.broker.eligibility;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.TrackedHost;

/** Judges every host of a service at one instant: for the API, the picker pages and the metrics. */
@Singleton
public final class FederationStatus {

    private static final Comparator<HostState> ORDER = Comparator
            .comparing((HostState h) -> h.host().member().id()).thenComparing(h -> h.host().key().host());

    private final HostRegistry registry;
    private final EligibilityRules rules;
    private final Clock clock;

    public FederationStatus(HostRegistry registry, EligibilityRules rules, Clock clock) {
        this.registry = registry;
        this.rules = rules;
        this.clock = clock;
    }

    public ServiceState service(String service) {
        return service(service, clock.instant());
    }

    /** Hosts sorted by member and id, so listings are stable from one request to the next. */
    public ServiceState service(String service, Instant now) {
        List<TrackedHost> tracked = List.copyOf(registry.hosts(service));
        List<HostState> judged = new ArrayList<>(tracked.size());
        List<HostState> roomByReport = new ArrayList<>();
        boolean anyEligible = false;
        boolean anyDegraded = false;
        for (TrackedHost t : tracked) {
            boolean drained = registry.isDrained(t.host().key());
            double reserved = t.reserved(now);
            Eligibility verdict = rules.assess(t.host(), reserved, drained, now);
            anyEligible |= verdict.eligible();
            anyDegraded |= verdict == Eligibility.DEGRADED;
            HostState state = new HostState(t.host(), verdict, verdict.eligible(), t.host().estimatedLoad(reserved),
                    t.host().age(now), rules.staleAfter(t.host()), drained);
            judged.add(state);
            if (verdict == Eligibility.FULL && rules.roomByReport(t.host(), reserved)) {
                roomByReport.add(state);
            }
        }
        // The dispatcher's order (selection.Dispatcher): ELIGIBLE hosts; else DEGRADED ones; else the hosts full only
        // by the users sent since their reports, whose reports leave room. The pages and the API say the same.
        if (!anyEligible && anyDegraded) {
            judged.replaceAll(h -> h.verdict() == Eligibility.DEGRADED ? h.asFallback() : h);
        } else if (!anyEligible) {
            judged.replaceAll(h -> roomByReport.contains(h) ? h.asFallback() : h);
        }
        judged.sort(ORDER);
        return new ServiceState(service, judged);
    }
}
