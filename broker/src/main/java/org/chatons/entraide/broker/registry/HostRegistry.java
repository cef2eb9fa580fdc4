package org.chatons.entraide.broker.registry;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.chatons.entraide.broker.counting.CountingRules;
import org.chatons.entraide.broker.counting.RedirectWeight;
import org.chatons.entraide.broker.counting.Sends;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.members.MemberDirectory;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.Report;

/**
 * The live view of every host: soft state rebuilt from reports, lost on restart and rebuilt by the next round
 * (drains excepted: coordinators' decisions, which {@code drains.Drains} keeps).
 * Each member's latest report is its complete list of hosts. Every change bumps the version of the services it
 * touches, so the selection code can cache per service and know when to look again.
 */
@Singleton
public final class HostRegistry {

    /**
     * What the registry remembers of a member between reports: the order of its agent's reports (none while only
     * its ChatonsInfos declarations were fed), and where its hosts came from.
     */
    private record MemberState(ReportOrder order, Map<HostKey, String> serviceOfHost, Source source) {
    }

    private final Map<String, Map<HostKey, TrackedHost>> byService = new ConcurrentHashMap<>();
    private final Map<String, MemberState> members = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Set<HostKey> drained = ConcurrentHashMap.newKeySet();
    private final Map<String, RedirectWeight<HostKey>> weights = new ConcurrentHashMap<>();
    private final CountingRules counting;

    public HostRegistry(CountingRules counting) {
        this.counting = counting;
    }

    /**
     * Throws {@link ReplayedReportException} when the report would be refused as a replay; changes nothing.
     *
     * @param arrival the broker's clock when the report arrived (see {@link ReportOrder})
     */
    public void checkNewer(Member member, Instant sentAt, Instant arrival) {
        MemberState state = members.get(member.id());
        if (state != null && !state.order().admits(sentAt, arrival)) {
            throw new ReplayedReportException(state.order().newest());
        }
    }

    /**
     * Makes a validated report the member's current list of hosts, atomically per member: a pick sees the member's
     * hosts before the report or after it, never without them, and the janitor cannot take out a host the report
     * has just installed. Each host keeps the users sent too late for its report ({@link Sends}), and what the
     * report says of the users sent before it teaches the service's {@link RedirectWeight}.
     *
     * @param receivedAt when the report arrived: no host counts as measured later than that, and an agent whose
     *                   clock was set back is let in by it (see {@link ReportOrder})
     * @throws ReplayedReportException when it is not newer than the last accepted one; nothing changes then
     */
    public void accept(Member member, Report report, Instant receivedAt) {
        List<Learned> learned = new ArrayList<>();
        members.compute(member.id(), (id, previous) -> {
            ReportOrder order = previous == null ? ReportOrder.NONE : previous.order();
            if (!order.admits(report.sentAt(), receivedAt)) {
                throw new ReplayedReportException(order.newest());
            }
            return replace(member, previous, report.hosts(), report.sentAt(), receivedAt, report.intervalSeconds(),
                    Source.AGENT, order.after(report.sentAt(), receivedAt), learned);
        });
        // Outside the member's lock: learning takes the service's.
        learned.forEach(l -> l.weight().learn(l.key(), l.evidence(), receivedAt));
    }

    /**
     * Makes hosts declared in the member's ChatonsInfos files (and probed by the broker) its current list, the way
     * a report does, unless its probe agent reports: an agent's report replaces the declared hosts, and they come
     * back only once the agent's hosts are forgotten ({@code broker.forget-after}). Each host's measuredAt is when
     * the broker probed it.
     *
     * @param receivedAt now: no host counts as measured later than that
     * @return false when the member's agent owns its hosts (nothing changes)
     */
    public boolean acceptDeclared(Member member, List<HostReport> hosts, Instant receivedAt, int intervalSeconds) {
        List<Learned> learned = new ArrayList<>();
        boolean[] taken = {false};
        members.compute(member.id(), (id, previous) -> {
            if (previous != null && previous.source() == Source.AGENT && !previous.serviceOfHost().isEmpty()) {
                return previous;
            }
            taken[0] = true;
            return replace(member, previous, hosts, receivedAt, receivedAt, intervalSeconds, Source.CHATONSINFOS,
                    previous == null ? ReportOrder.NONE : previous.order(), learned);
        });
        learned.forEach(l -> l.weight().learn(l.key(), l.evidence(), receivedAt));
        return taken[0];
    }

    /**
     * The member's hosts replaced by these, under its lock (the caller's {@code compute}).
     *
     * @param sentAt     when the list was made: no host counts as measured later
     * @param keptOrder  the order of the agent's reports to remember, for the replay check
     * @param learned    where evidence for the services' weights goes, to learn outside the lock
     */
    private MemberState replace(Member member, MemberState previous, List<HostReport> hosts, Instant sentAt,
                                Instant receivedAt, int intervalSeconds, Source source, ReportOrder keptOrder,
                                List<Learned> learned) {
        Map<HostKey, String> serviceOfHost = new LinkedHashMap<>();
        Set<String> touched = new HashSet<>();
        for (HostReport h : hosts) {
            HostKey key = new HostKey(member.id(), h.id());
            Instant observedAt = observedAt(h, sentAt, receivedAt);
            RedirectWeight<HostKey> weight = weight(h.service());
            byService.computeIfAbsent(h.service(), s -> new ConcurrentHashMap<>()).compute(key, (k, before) -> {
                // A host keeps the key it was first seen with: lookups by key on every pick (drains, metrics)
                // then find the very same object and skip comparing strings.
                Host fresh = new Host(before == null ? k : before.host().key(), member, h, observedAt,
                        intervalSeconds, source);
                if (before == null) {
                    return new TrackedHost(fresh, new Sends(), weight);
                }
                // The grace is the host's own pace: a share of its interval (see CountingRules.joinGrace).
                // This broker's users the report counts are at most its users, in redirects.
                double atMost = h.activeUsers() == null ? 0 : h.activeUsers() / weight.value();
                Sends.Split split = before.sends().split(observedAt.minus(counting.joinGrace(intervalSeconds)),
                        before.staySeconds(), atMost);
                Host old = before.host();
                if (old.activeUsers() != null && fresh.activeUsers() != null
                        && observedAt.isAfter(old.observedAt())) {
                    Duration between = Duration.between(old.observedAt(), observedAt);
                    learned.add(new Learned(weight, fresh.key(), counting.evidence(split.counted(),
                            old.activeUsers(), fresh.activeUsers(), between, weight.stay())));
                }
                return new TrackedHost(fresh, split.next(), weight);
            });
            serviceOfHost.put(key, h.service());
            touched.add(h.service());
        }
        if (previous != null) {
            // Added first, removed after: a concurrent pick never sees the member without hosts.
            previous.serviceOfHost().forEach((key, service) -> {
                if (!service.equals(serviceOfHost.get(key))) {
                    byService.get(service).remove(key);
                    weight(service).forget(key);
                    touched.add(service);
                }
            });
        }
        touched.forEach(this::bump);
        return new MemberState(keptOrder, serviceOfHost, source);
    }

    /** Evidence from one host's new report, for its service's weight. */
    private record Learned(RedirectWeight<HostKey> weight, HostKey key, CountingRules.Evidence evidence) {
    }

    /**
     * When the host's figures were measured: its own measuredAt (agents that send it), else the report's sentAt;
     * never after the report was sent, nor after it arrived.
     */
    private static Instant observedAt(HostReport h, Instant sentAt, Instant receivedAt) {
        Instant measured = h.measuredAt() == null || h.measuredAt().isAfter(sentAt) ? sentAt : h.measuredAt();
        return measured.isAfter(receivedAt) ? receivedAt : measured;
    }

    /**
     * Forgets hosts measured before the cutoff: a host back after that long starts afresh, except for its drain, a
     * coordinator's decision that {@code drains.Drains} forgets later. Its member keeps its order of reports, so
     * old reports stay refused. Per member, under the same lock as
     * {@link #accept}, and each host only if it is still the very object found silent: a report accepted meanwhile
     * keeps every host it names.
     */
    public int forgetObservedBefore(Instant cutoff) {
        int forgotten = 0;
        for (String id : members.keySet()) {
            int[] count = {0};
            members.computeIfPresent(id, (k, state) -> {
                Map<HostKey, String> kept = new LinkedHashMap<>();
                state.serviceOfHost().forEach((key, service) -> {
                    Map<HostKey, TrackedHost> hosts = byService.get(service);
                    TrackedHost tracked = hosts.get(key);
                    if (tracked != null && tracked.host().observedAt().isBefore(cutoff) && hosts.remove(key, tracked)) {
                        weight(service).forget(key);
                        bump(service);
                        count[0]++;
                    } else {
                        kept.put(key, service);
                    }
                });
                return count[0] == 0 ? state : new MemberState(state.order(), kept, state.source());
            });
            forgotten += count[0];
        }
        return forgotten;
    }

    /**
     * Brings a new members file into force: the hosts of a member no longer in it leave the choice at once, and
     * those of a member whose details changed (a renewed confirmation, a new name or domain) carry the new details
     * at once, keeping the users sent there since their report. Members the previous file did not name are left
     * alone. Each member changes atomically with its reports.
     */
    public void applyMembers(MemberDirectory before, MemberDirectory after) {
        for (String id : members.keySet()) {
            if (before.byId(id).isEmpty()) {
                continue;
            }
            members.computeIfPresent(id, (memberId, state) -> {
                Member now = after.byId(memberId).orElse(null);
                Set<String> touched = new HashSet<>();
                state.serviceOfHost().forEach((key, service) -> byService.get(service).computeIfPresent(key,
                        (k, tracked) -> {
                            if (tracked.host().member().equals(now)) {
                                return tracked;
                            }
                            touched.add(service);
                            if (now == null) {
                                weight(service).forget(key);
                                return null;
                            }
                            return tracked.withMember(now);
                        }));
                touched.forEach(this::bump);
                return now == null ? new MemberState(state.order(), Map.of(), state.source()) : state;
            });
        }
    }

    /** How much a redirect to the service counts now: 1 unless its reports show redirects not becoming users. */
    public double redirectWeight(String service) {
        RedirectWeight<HostKey> weight = weights.get(service);
        return weight == null ? 1 : weight.value();
    }

    /** The service's weight, for the selection's snapshots: it changes as reports come, the object stays. */
    public RedirectWeight<HostKey> weightOf(String service) {
        return weight(service);
    }

    private RedirectWeight<HostKey> weight(String service) {
        RedirectWeight<HostKey> weight = weights.get(service);
        return weight != null ? weight : weights.computeIfAbsent(service, s -> new RedirectWeight<>(counting));
    }

    /** The hosts of one service, in no particular order. */
    public Collection<TrackedHost> hosts(String service) {
        Map<HostKey, TrackedHost> hosts = byService.get(service);
        return hosts == null ? List.of() : hosts.values();
    }

    public Stream<TrackedHost> all() {
        return byService.values().stream().flatMap(m -> m.values().stream());
    }

    public Optional<TrackedHost> find(HostKey key) {
        MemberState state = members.get(key.member());
        String service = state == null ? null : state.serviceOfHost().get(key);
        return service == null ? Optional.empty() : Optional.ofNullable(byService.get(service).get(key));
    }

    /** Drains a known host: it keeps its users but receives no new one. Returns false for an unknown host. */
    public boolean drain(HostKey key, boolean drain) {
        Optional<TrackedHost> host = find(key);
        if (host.isEmpty()) {
            return false;
        }
        if (drain ? drained.add(key) : drained.remove(key)) {
            bump(host.get().host().service());
        }
        return true;
    }

    /**
     * Makes exactly these hosts the drained ones, whether or not they have reported yet: coordinators' decisions
     * as {@code drains.Drains} keeps them (restored at start, or taken from another broker), so that a host drained
     * for maintenance is still drained when it comes back. Bumps the versions of the services that change.
     */
    public void replaceDrains(Set<HostKey> keys) {
        Set<HostKey> changed = new HashSet<>();
        for (HostKey key : keys) {
            if (drained.add(key)) {
                changed.add(key);
            }
        }
        drained.removeIf(key -> !keys.contains(key) && changed.add(key));
        changed.forEach(key -> find(key).ifPresent(t -> bump(t.host().service())));
    }

    /** The drained hosts, a copy. */
    public Set<HostKey> drained() {
        return Set.copyOf(drained);
    }

    public boolean isDrained(HostKey key) {
        // Asked for every host a pick samples; drains are rare, so most of the time there is nothing to look up.
        return !drained.isEmpty() && drained.contains(key);
    }

    /** Changes whenever anything that decides the service's eligibility changes, except the passing of time. */
    public long version(String service) {
        AtomicLong version = versions.get(service);
        return version == null ? 0 : version.get();
    }

    private void bump(String service) {
        versions.computeIfAbsent(service, s -> new AtomicLong()).incrementAndGet();
    }
}
