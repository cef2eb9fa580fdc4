package org.chatons.entraide.broker.selection;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.chatons.entraide.broker.counting.RedirectWeight;
import org.chatons.entraide.broker.counting.Visit;
import org.chatons.entraide.broker.eligibility.Eligibility;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.TrackedHost;

/**
 * Sends each new user of a service to a host: the policy chooses among the ELIGIBLE hosts, or among the
 * DEGRADED ones when none is ELIGIBLE, and the choice is counted so the next estimate includes it.
 *
 * <p>The candidates of each service are cached until a report, a drain or the passing of time (a report going
 * stale, a confirmation lapsing) changes them, so a pick costs a few samples, not a look at every host.
 */
@Singleton
public final class Dispatcher {

    /** The candidates of one service, valid while the registry's version is unchanged and before validUntil. */
    private record Candidates(long version, Instant validUntil, Tier eligible, Tier degraded, Tier overflow) {
    }

    private final HostRegistry registry;
    private final EligibilityRules rules;
    private final FederationStatus status;
    private final Policy policy;
    private final Clock clock;
    private final RandomGenerator random;
    private final PickListener listener;
    private final NearFirst nearFirst;
    private final Map<String, Candidates> cache = new ConcurrentHashMap<>();

    /** With hosts near a person preferred only while they are at most as full as the rest (tolerance 0). */
    public Dispatcher(HostRegistry registry, EligibilityRules rules, FederationStatus status, Policy policy,
                      Clock clock, RandomGenerator random, PickListener listener) {
        this(registry, rules, status, policy, clock, random, listener, new NearFirst(0));
    }

    @Inject
    public Dispatcher(HostRegistry registry, EligibilityRules rules, FederationStatus status, Policy policy,
                      Clock clock, RandomGenerator random, PickListener listener, NearFirst nearFirst) {
        this.registry = registry;
        this.rules = rules;
        this.status = status;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
        this.listener = listener;
        this.nearFirst = nearFirst;
    }

    /** Chooses a host for one new user of the service, with no preference, and counts the user as sent there. */
    public Pick pick(String service) {
        return pick(service, Visit.COUNTED, Nearby.ANYWHERE);
    }

    /** The same, preferring hosts near the person while they have room comparable to the rest ({@link NearFirst}). */
    public Pick pick(String service, Nearby near) {
        return pick(service, Visit.COUNTED, near);
    }

    /** The same for a request that is counted as the visit says, with no preference. */
    public Pick pick(String service, Visit visit) {
        return pick(service, visit, Nearby.ANYWHERE);
    }

    /**
     * Chooses a host for one request of the service, preferring hosts near the person while they have room
     * comparable to the rest ({@link NearFirst}); only a {@link Visit#COUNTED} one is counted as a user sent there
     * (the others are chosen the same way, so an uncounted person still lands on a host with room).
     */
    public Pick pick(String service, Visit visit, Nearby near) {
        Instant now = clock.instant();
        Candidates candidates = candidates(service, now);
        TrackedHost chosen = choose(candidates.eligible(), visit, near, now);
        if (chosen == null) {
            chosen = choose(candidates.degraded(), visit, near, now);
        }
        if (chosen == null) {
            chosen = choose(candidates.overflow(), visit, near, now);
        }
        Pick pick;
        if (chosen == null) {
            pick = new Pick.NoHost(service, status.service(service, now).hostsByVerdict());
        } else {
            if (visit.counts()) {
                chosen.sent(now);
            }
            boolean away = near.chosen() && !near.country().equals(chosen.host().member().country());
            pick = new Pick.Sent(chosen.host(), visit, candidates.eligible().weight(), away);
        }
        listener.picked(pick);
        return pick;
    }

    /**
     * Counts one request sent to a host chosen elsewhere (a group link's room: {@code rooms.RoomFinder}) as
     * {@link #pick} counts its own: a {@link Visit#COUNTED} one is a user sent there, in the host's estimate and in
     * its service's candidates, and every request is told to the listener (the redirect metrics, the requests that
     * counted no one).
     */
    public Pick.Sent sentTo(TrackedHost chosen, Visit visit) {
        String service = chosen.host().service();
        if (visit.counts()) {
            chosen.sent(clock.instant());
            Candidates cached = cache.get(service);
            if (cached != null) {
                cached.eligible().sent(chosen);
                cached.degraded().sent(chosen);
                cached.overflow().sent(chosen);
            }
        }
        Pick.Sent pick = new Pick.Sent(chosen.host(), visit, registry.weightOf(service).value());
        listener.picked(pick);
        return pick;
    }

    private TrackedHost choose(Tier tier, Visit visit, Nearby near, Instant now) {
        int i = nearFirst.choose(policy, tier, tier.pool(now), near, rules.fullAt(), random);
        if (i < 0) {
            return null;
        }
        if (visit.counts()) {
            tier.sent(i);
        }
        return tier.host(i);
    }

    private Candidates candidates(String service, Instant now) {
        long version = registry.version(service);
        Candidates cached = cache.get(service);
        if (cached != null && cached.version() == version && now.isBefore(cached.validUntil())) {
            return cached;
        }
        List<TrackedHost> eligible = new ArrayList<>();
        List<TrackedHost> degraded = new ArrayList<>();
        List<TrackedHost> up = new ArrayList<>();
        Instant validUntil = Instant.MAX;
        for (TrackedHost t : registry.hosts(service)) {
            Eligibility verdict = rules.assess(t.host(), t.reserved(now), registry.isDrained(t.host().key()), now);
            // Between reports a host fills up as users are sent, and empties as the stay says: one that is full now
            // is left out until its users have likely left (or its next report changes the version), not watched.
            Instant changes = null;
            if (verdict == Eligibility.ELIGIBLE || verdict == Eligibility.DEGRADED) {
                (verdict == Eligibility.ELIGIBLE ? eligible : degraded).add(t);
                up.add(t);
                changes = rules.timeChangesAt(t.host());
            } else if (verdict == Eligibility.FULL) {
                up.add(t);
                changes = min(t.roomAt(rules.fullAt(), now), rules.timeChangesAt(t.host()));
            }
            if (changes != null && changes.isBefore(validUntil)) {
                validUntil = changes;
            }
        }
        RedirectWeight<?> weight = registry.weightOf(service);
        Candidates fresh = new Candidates(version, validUntil, new Tier(eligible, weight, rules, now),
                new Tier(degraded, weight, rules, now), Tier.overflow(up, weight, rules, now));
        cache.put(service, fresh);
        return fresh;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
