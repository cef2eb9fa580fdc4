package org.chatons.entraide.broker.chatonsinfos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.publicprobe.PublicProber.Probed;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.WireRules;

/**
 * The one seam between ChatonsInfos and the live view: turns what the files declare and what the public probes
 * saw into each member's list of hosts, and hands it to the registry as a report would be, with its source. A
 * member whose agent reports keeps its agent's hosts (the registry refuses the declared list); a member no longer
 * declared loses its declared hosts.
 *
 * <p>A declared host is UP only while its public probe says UP and its file does not say ERROR or worse; it takes
 * new users unless its file says FULL or, for a service that needs an account, the software says registrations
 * are closed. Its capacity is {@code broker.chatonsinfos.capacity-users}; its load is known only for software
 * that counts the people connected now (Etherpad, HedgeDoc).
 */
public final class DeclaredHostsFeed {

    private final HostRegistry registry;
    private final int capacityUsers;
    private final int intervalSeconds;
    /** Members fed last time, so that one no longer declared can be emptied. */
    private final Map<String, Member> fed = new HashMap<>();

    /**
     * @param registry        the live view
     * @param capacityUsers   a declared host's capacity
     * @param intervalSeconds how often declared hosts are probed, as a report's interval
     */
    public DeclaredHostsFeed(HostRegistry registry, int capacityUsers, int intervalSeconds) {
        this.registry = registry;
        this.capacityUsers = capacityUsers;
        this.intervalSeconds = intervalSeconds;
    }

    /** Feeds every declared member's hosts, probed or not yet; empties members no longer declared. */
    public synchronized void feed(DeclaredView view, Function<DeclaredHost, Optional<Probed>> probes, Instant now) {
        Map<String, Member> members = new LinkedHashMap<>();
        Map<String, List<DeclaredHost>> hostsOf = new LinkedHashMap<>();
        view.members().forEach(m -> {
            members.put(m.member().id(), m.member());
            hostsOf.put(m.member().id(), new ArrayList<>());
        });
        view.hosts().forEach(h -> hostsOf.computeIfAbsent(h.member().id(), k -> new ArrayList<>()).add(h));
        for (Map.Entry<String, List<DeclaredHost>> entry : hostsOf.entrySet()) {
            List<HostReport> reports = new ArrayList<>();
            for (DeclaredHost host : entry.getValue()) {
                Optional<Probed> probed = probes.apply(host);
                // Each host is as old as its own probe (its measuredAt), not as its member's oldest.
                reports.add(report(host, probed.map(Probed::measurement).orElse(null),
                        probed.map(Probed::at).orElse(now), capacityUsers));
            }
            registry.acceptDeclared(members.get(entry.getKey()), reports, now, intervalSeconds);
        }
        fed.forEach((id, member) -> {
            if (!members.containsKey(id)) {
                registry.acceptDeclared(member, List.of(), now, intervalSeconds);
            }
        });
        fed.clear();
        fed.putAll(members);
    }

    /** One declared host as a report states it; {@code probe} is null before its first probe. */
    static HostReport report(DeclaredHost host, Measurement probe, Instant at, int capacityUsers) {
        String declared = "declared in ChatonsInfos" + (host.level().isEmpty() ? "" : ", " + host.level())
                + (host.full() ? ", FULL" : "");
        HostStatus status;
        String detail;
        if (probe == null) {
            status = HostStatus.DOWN;
            detail = declared + "; not probed yet";
        } else {
            // Only UP is good enough for a host nobody measures from inside.
            status = probe.status() == HostStatus.UP && host.status() == HostStatus.UP ? HostStatus.UP : HostStatus.DOWN;
            detail = declared + "; public probe: " + probe.status().name().toLowerCase() + ", " + probe.reason();
        }
        boolean softwareRefuses = probe != null && Boolean.FALSE.equals(probe.acceptsNewUsers())
                && (host.accountNeeded() || status == HostStatus.DOWN);
        Integer users = probe != null && host.probe().countsUsersNow() ? probe.activeUsers() : null;
        return new HostReport(host.id(), host.service(), host.software(), host.url().toString(), status,
                !host.full() && !softwareRefuses, users, capacityUsers, null, shorten(detail), at, host.rooms());
    }

    static String shorten(String text) {
        return text.length() <= WireRules.MAX_DETAIL ? text : text.substring(0, WireRules.MAX_DETAIL - 3) + "...";
    }
}
