package org.chatons.entraide.broker.registry;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.members.MemberDirectory;
import org.chatons.entraide.protocol.HostReport;

/**
 * Each member's current list of hosts, whether its agent reported it or its ChatonsInfos files declared it. Every
 * change of a member's hosts runs under that member's lock (the {@code compute} of its entry), so two reports, a
 * reload of the members file and the janitor never interleave on one member; picks take no lock at all.
 */
final class MemberLists {

    /**
     * What is remembered of a member between lists: the order of its agent's reports (none while only its
     * declarations were fed), its hosts' services, and where its hosts came from.
     */
    record MemberState(ReportOrder order, Map<HostKey, String> serviceOfHost, Source source) {
    }

    private final Map<String, MemberState> members = new ConcurrentHashMap<>();
    private final HostTable table;
    private final SentSince sent;

    MemberLists(HostTable table, SentSince sent) {
        this.table = table;
        this.sent = sent;
    }

    MemberState state(String member) {
        return members.get(member);
    }

    /** Changes the member's state under its lock; the change may throw, and then nothing changes. */
    void update(String member, UnaryOperator<MemberState> change) {
        members.compute(member, (id, previous) -> change.apply(previous));
    }

    /**
     * The member's hosts replaced by these; call it within {@link #update}. Hosts are added first and removed
     * after, so a concurrent pick never sees the member without hosts.
     *
     * @param sentAt    when the list was made: no host counts as measured later, nor later than receivedAt
     * @param keptOrder the order of the agent's reports to remember, for the replay check
     */
    MemberState replace(Member member, MemberState previous, List<HostReport> hosts, Instant sentAt,
                        Instant receivedAt, int intervalSeconds, Source source, ReportOrder keptOrder,
                        List<SentSince.Learned> learned) {
        Map<HostKey, String> serviceOfHost = new LinkedHashMap<>();
        Set<String> touched = new HashSet<>();
        for (HostReport h : hosts) {
            HostKey key = new HostKey(member.id(), h.id());
            Instant observedAt = observedAt(h, sentAt, receivedAt);
            table.of(h.service()).compute(key, (k, before) -> sent.carry(before,
                    // A host keeps the key it was first seen with: lookups by key on every pick (drains, metrics)
                    // then find the very same object and skip comparing strings.
                    new Host(before == null ? k : before.host().key(), member, h, observedAt, intervalSeconds, source),
                    learned));
            serviceOfHost.put(key, h.service());
            touched.add(h.service());
        }
        if (previous != null) {
            previous.serviceOfHost().forEach((key, service) -> {
                if (!service.equals(serviceOfHost.get(key))) {
                    table.of(service).remove(key);
                    sent.forget(service, key);
                    touched.add(service);
                }
            });
        }
        touched.forEach(table::bump);
        return new MemberState(keptOrder, serviceOfHost, source);
    }

    /**
     * When the host's figures were measured: its own measuredAt (agents that send it), else the list's sentAt;
     * never after the list was sent, nor after it arrived.
     */
    private static Instant observedAt(HostReport h, Instant sentAt, Instant receivedAt) {
        Instant measured = h.measuredAt() == null || h.measuredAt().isAfter(sentAt) ? sentAt : h.measuredAt();
        return measured.isAfter(receivedAt) ? receivedAt : measured;
    }

    /**
     * Forgets hosts measured before the cutoff, each only if it is still the very object found silent: a list
     * accepted meanwhile keeps every host it names. The member keeps its order of reports.
     */
    int forgetObservedBefore(Instant cutoff) {
        int forgotten = 0;
        for (String id : members.keySet()) {
            int[] count = {0};
            members.computeIfPresent(id, (k, state) -> {
                Map<HostKey, String> kept = new LinkedHashMap<>();
                state.serviceOfHost().forEach((key, service) -> {
                    Map<HostKey, TrackedHost> hosts = table.of(service);
                    TrackedHost tracked = hosts.get(key);
                    if (tracked != null && tracked.host().observedAt().isBefore(cutoff) && hosts.remove(key, tracked)) {
                        sent.forget(service, key);
                        table.bump(service);
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
     * A new members file in force: the hosts of a member no longer in it go at once, those of a member whose
     * details changed carry the new details at once, keeping their users sent. Members the previous file did not
     * name are left alone.
     */
    void applyMembers(MemberDirectory before, MemberDirectory after) {
        for (String id : members.keySet()) {
            if (before.byId(id).isEmpty()) {
                continue;
            }
            members.computeIfPresent(id, (memberId, state) -> {
                Member now = after.byId(memberId).orElse(null);
                Set<String> touched = new HashSet<>();
                state.serviceOfHost().forEach((key, service) -> table.of(service).computeIfPresent(key,
                        (k, tracked) -> {
                            if (tracked.host().member().equals(now)) {
                                return tracked;
                            }
                            touched.add(service);
                            if (now == null) {
                                sent.forget(service, key);
                                return null;
                            }
                            return tracked.withMember(now);
                        }));
                touched.forEach(table::bump);
                return now == null ? new MemberState(state.order(), Map.of(), state.source()) : state;
            });
        }
    }

    /** The host's current object, or null. */
    TrackedHost find(HostKey key) {
        MemberState state = members.get(key.member());
        String service = state == null ? null : state.serviceOfHost().get(key);
        return service == null ? null : table.get(service, key);
    }
}
