package org.chatons.entraide.broker.rooms;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.chatons.entraide.broker.eligibility.Eligibility;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.TrackedHost;
import org.chatons.entraide.probes.software.NamedRooms;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.Softwares;

/**
 * Finds the host of a named room from the registry's last reports: the snapshot {@link RoomPlacement} decides on.
 * Every host's eligibility is read as its report gives it, with none of this broker's own redirects since
 * ({@code reserved} 0), so that every broker holding the same reports finds the same host.
 */
@Singleton
public final class RoomFinder {

    /** The host a room leads to, and how its software makes the room's address. */
    public record Room(TrackedHost host, NamedRooms shape) {
    }

    /** The hosts of one service that may take rooms, while the registry's version is unchanged and before validUntil. */
    private record Snapshot(long version, Instant validUntil, RoomPlacement placement, Map<HostKey, Room> rooms) {
    }

    private final Map<String, Snapshot> cache = new ConcurrentHashMap<>();
    private final HostRegistry registry;
    private final EligibilityRules rules;
    private final Clock clock;
    private final Softwares softwares;
    private final WarmUp warmUp;

    public RoomFinder(HostRegistry registry, EligibilityRules rules, Clock clock, Softwares softwares, WarmUp warmUp) {
        this.registry = registry;
        this.warmUp = warmUp;
        this.rules = rules;
        this.clock = clock;
        this.softwares = softwares;
    }

    /** Whether any software of the service makes rooms from names (Jitsi Meet for {@code visio}). */
    public boolean hasNamedRooms(String service) {
        return !shapes(service).isEmpty();
    }

    /** Whether the service's documents live on the host that made them (pads, notes, sheets, boards). */
    public boolean documentsStay(String service) {
        return softwaresOf(service).anyMatch(s -> s.urls().documentsStay());
    }

    /** Whether every software of the service that makes rooms takes the name, so any of its hosts can. */
    public boolean takes(String service, RoomName name) {
        List<NamedRooms> shapes = shapes(service);
        return !shapes.isEmpty() && shapes.stream().allMatch(s -> s.allowedName().matcher(name.value()).matches());
    }

    /**
     * The host of the room now, or empty when no host of the service can take rooms.
     *
     * @param country the country the link names ({@code ?near=}), or null
     */
    public Optional<Room> find(String service, RoomName name, String country) {
        Snapshot snapshot = snapshot(service, clock.instant());
        return snapshot.placement().place(name, country).map(h -> snapshot.rooms().get(h.key()));
    }

    /**
     * The hosts that may take rooms, kept until a report, a drain or a members file changes the service (the
     * registry's version) or time alone could (a report going stale, a confirmation lapsing): a visit then costs
     * the hashes of its name, not a look at every host's eligibility.
     */
    private Snapshot snapshot(String service, Instant now) {
        long version = registry.version(service);
        Snapshot cached = cache.get(service);
        if (cached != null && cached.version() == version && now.isBefore(cached.validUntil())) {
            return cached;
        }
        Instant validUntil = Instant.MAX;
        Map<HostKey, Room> rooms = new HashMap<>();
        List<RoomHost> candidates = new ArrayList<>();
        for (TrackedHost t : registry.hosts(service)) {
            Optional<NamedRooms> shape = RoomShape.of(softwares.named(t.host().report().software())
                    .flatMap(s -> s.urls().rooms()), t.host().report().rooms(),
                    t.host().member().rooms().get(t.host().key().host()));
            if (shape.isEmpty() || t.host().capacity() <= 0) {
                continue;
            }
            Eligibility verdict = rules.assess(t.host(), 0, registry.isDrained(t.host().key()), now);
            if (verdict == Eligibility.ELIGIBLE || verdict == Eligibility.DEGRADED) {
                rooms.put(t.host().key(), new Room(t, shape.get()));
                candidates.add(new RoomHost(t.host().key(), t.host().capacity(), t.host().member().country(),
                        verdict == Eligibility.DEGRADED, !warmUp.warm(t.host())));
                Instant changes = rules.timeChangesAt(t.host());
                validUntil = changes.isBefore(validUntil) ? changes : validUntil;
            }
        }
        Snapshot fresh = new Snapshot(version, validUntil, new RoomPlacement(candidates), Map.copyOf(rooms));
        cache.put(service, fresh);
        return fresh;
    }

    private List<NamedRooms> shapes(String service) {
        return softwaresOf(service).map(Software::urls).flatMap(u -> u.rooms().stream()).toList();
    }

    private Stream<Software> softwaresOf(String service) {
        return softwares.names().stream().map(softwares::named).flatMap(Optional::stream)
                .filter(s -> s.services().contains(service));
    }
}
