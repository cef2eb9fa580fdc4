package org.chatons.entraide.broker.eligibility;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every host of one service as judged at one instant, with the totals a picker or a dashboard shows. */
public record ServiceState(String service, List<HostState> hosts) {

    public ServiceState {
        hosts = List.copyOf(hosts);
    }

    public long eligibleHosts() {
        return hosts.stream().filter(HostState::eligible).count();
    }

    /** Users on the hosts with a fresh report that counts them: a host whose count is unknown adds nothing. */
    public long activeUsers() {
        return fresh().filter(h -> h.host().activeUsers() != null).mapToLong(h -> h.host().activeUsers()).sum();
    }

    /** Hosts with a fresh report that gives no user count: how many {@link #activeUsers()} leaves out. */
    public long hostsWithoutUserCount() {
        return fresh().filter(h -> h.host().activeUsers() == null).count();
    }

    /** Capacity of the hosts with a fresh report, whether they count their users or not. */
    public long capacityUsers() {
        return fresh().mapToLong(h -> h.host().capacity()).sum();
    }

    /** Capacity of the hosts that may take new users now: what the headroom is measured against. */
    public long eligibleCapacityUsers() {
        return hosts.stream().filter(HostState::eligible).mapToLong(h -> h.host().capacity()).sum();
    }

    /** How many hosts there are per verdict, for "why no host could take you" answers. */
    public Map<Eligibility, Integer> hostsByVerdict() {
        Map<Eligibility, Integer> counts = new EnumMap<>(Eligibility.class);
        hosts.forEach(h -> counts.merge(h.verdict(), 1, Integer::sum));
        return counts;
    }

    private Stream<HostState> fresh() {
        return hosts.stream().filter(h -> h.verdict() != Eligibility.STALE);
    }
}
