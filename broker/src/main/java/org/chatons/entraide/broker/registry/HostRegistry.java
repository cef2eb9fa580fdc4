package org.chatons.entraide.broker.registry;

import jakarta.inject.Singleton;
import java.time.Instant;
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

    /** What the registry remembers of a member between reports. */
    private record MemberState(ReportOrder order, Map<HostKey, String> serviceOfHost) {
    }

    private final Map<String, Map<HostKey, TrackedHost>> byService = new ConcurrentHashMap<>();
    private final Map<String, MemberState> members = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Set<HostKey> drained = ConcurrentHashMap.newKeySet();

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
     * Makes a validated report the member's current list of hosts, atomically per member.
     *
     * @param observedAt when its figures were measured (see {@link Host#observedAt()})
     * @throws ReplayedReportException when it is not newer than the last accepted one; nothing changes then
     */
    public void accept(Member member, Report report, Instant observedAt) {
        accept(member, report, observedAt, observedAt);
    }

    /**
     * {@link #accept(Member, Report, Instant)} for a report that arrived at {@code arrival}: the broker's clock then
     * decides whether an agent whose clock was set back is let in (see {@link ReportOrder}).
     */
    public void accept(Member member, Report report, Instant observedAt, Instant arrival) {
        members.compute(member.id(), (id, previous) -> {
            ReportOrder order = previous == null ? ReportOrder.NONE : previous.order();
            if (!order.admits(report.sentAt(), arrival)) {
                throw new ReplayedReportException(order.newest());
            }
            Map<HostKey, String> serviceOfHost = new LinkedHashMap<>();
            Set<String> touched = new HashSet<>();
            for (HostReport h : report.hosts()) {
                HostKey key = new HostKey(id, h.id());
                // A host keeps the key it was first seen with: lookups by key on every pick (drains, metrics)
                // then find the very same object and skip comparing strings.
                byService.computeIfAbsent(h.service(), s -> new ConcurrentHashMap<>()).compute(key, (k, before) ->
                        new TrackedHost(new Host(before == null ? k : before.host().key(), member, h, observedAt,
                                report.intervalSeconds()), before));
                serviceOfHost.put(key, h.service());
                touched.add(h.service());
            }
            if (previous != null) {
                // Added first, removed after: a concurrent pick never sees the member without hosts.
                previous.serviceOfHost().forEach((key, service) -> {
                    if (!service.equals(serviceOfHost.get(key))) {
                        byService.get(service).remove(key);
                        touched.add(service);
                    }
                });
            }
            touched.forEach(this::bump);
            return new MemberState(order.after(report.sentAt(), arrival), serviceOfHost);
        });
    }

    /**
     * Forgets hosts measured before the cutoff. Its member keeps its last sentAt, so old reports stay refused;
     * drains stay, as coordinators' decisions ({@code drains.Drains}) that are forgotten later.
     */
    public int forgetObservedBefore(Instant cutoff) {
        int[] forgotten = {0};
        members.replaceAll((id, state) -> {
            Map<HostKey, String> kept = new LinkedHashMap<>();
            state.serviceOfHost().forEach((key, service) -> {
                TrackedHost tracked = byService.get(service).get(key);
                if (tracked != null && tracked.host().observedAt().isBefore(cutoff)) {
                    byService.get(service).remove(key);
                    bump(service);
                    forgotten[0]++;
                } else {
                    kept.put(key, service);
                }
            });
            return new MemberState(state.order(), kept);
        });
        return forgotten[0];
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
                            return now == null ? null : tracked.withMember(now);
                        }));
                touched.forEach(this::bump);
                return now == null ? new MemberState(state.order(), Map.of()) : state;
            });
        }
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
