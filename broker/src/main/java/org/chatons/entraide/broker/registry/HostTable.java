package org.chatons.entraide.broker.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Every host the broker knows, by service, and each service's version. Picks read it without a lock; a member's
 * hosts are written only under that member's lock ({@link MemberLists}), each host with
 * {@code compute}/{@code remove(key, value)}, so a pick sees a host before a change or after it, never half-made.
 */
final class HostTable {

    private final Map<String, Map<HostKey, TrackedHost>> byService = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

    /** The service's hosts, to change them (made when first asked for). */
    Map<HostKey, TrackedHost> of(String service) {
        return byService.computeIfAbsent(service, s -> new ConcurrentHashMap<>());
    }

    /** The hosts of one service, in no particular order. */
    Collection<TrackedHost> hosts(String service) {
        Map<HostKey, TrackedHost> hosts = byService.get(service);
        return hosts == null ? List.of() : hosts.values();
    }

    Stream<TrackedHost> all() {
        return byService.values().stream().flatMap(m -> m.values().stream());
    }

    TrackedHost get(String service, HostKey key) {
        Map<HostKey, TrackedHost> hosts = byService.get(service);
        return hosts == null ? null : hosts.get(key);
    }

    /** Changes whenever anything that decides the service's eligibility changes, except the passing of time. */
    long version(String service) {
        AtomicLong version = versions.get(service);
        return version == null ? 0 : version.get();
    }

    void bump(String service) {
        versions.computeIfAbsent(service, s -> new AtomicLong()).incrementAndGet();
    }
}
