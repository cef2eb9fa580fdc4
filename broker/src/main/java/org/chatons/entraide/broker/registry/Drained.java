package org.chatons.entraide.broker.registry;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coordinators' drains as the registry applies them: the hosts that receive no new user, whether or not they have
 * reported yet. What was decided, when and by whom is {@code drains.Drains}'s; this is only the set a pick asks.
 */
final class Drained {

    private final Set<HostKey> keys = ConcurrentHashMap.newKeySet();

    /**
     * Makes exactly these hosts the drained ones.
     *
     * @return the hosts drained or undrained by it
     */
    Set<HostKey> replace(Set<HostKey> wanted) {
        Set<HostKey> changed = new HashSet<>();
        for (HostKey key : wanted) {
            if (keys.add(key)) {
                changed.add(key);
            }
        }
        keys.removeIf(key -> !wanted.contains(key) && changed.add(key));
        return changed;
    }

    /** A copy. */
    Set<HostKey> all() {
        return Set.copyOf(keys);
    }

    boolean contains(HostKey key) {
        // Asked for every host a pick samples; drains are rare, so most of the time there is nothing to look up.
        return !keys.isEmpty() && keys.contains(key);
    }
}
