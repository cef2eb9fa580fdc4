package org.chatons.entraide.broker.eligibility;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every host of one service as judged at one instant, with the totals a picker or a dashboard shows. */
public record ServiceState(String service, List<HostState> hosts) {

    public ServiceState {
        hosts = List.copyOf(hosts);
    }

    public long eligibleHosts() {
        return hosts.stream().filter(HostState::eligible).count();
    }

    public long activeUsers() {
        return hosts.stream().filter(h -> h.verdict() != Eligibility.STALE).mapToLong(h -> h.host().activeUsers()).sum();
    }

    public long capacityUsers() {
        return hosts.stream().filter(h -> h.verdict() != Eligibility.STALE).mapToLong(h -> h.host().capacity()).sum();
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
}
