package org.chatons.entraide.broker.rooms;

import org.chatons.entraide.broker.registry.HostKey;

/**
 * A host that may take rooms, as its last report shows it to every broker alike.
 *
 * @param key      its member and id: what its scores are drawn from, so the same on every broker
 * @param capacity the users it can serve, by its report: its weight
 * @param country  its member's country (ISO 3166), for an explicit {@code ?near=}
 * @param degraded whether it reports DEGRADED: such hosts take rooms only when no other host can
 * @param warming  whether it has not been up for its warm-up yet ({@link WarmUp}): such hosts take rooms only when
 *                 no warm host can
 */
public record RoomHost(HostKey key, int capacity, String country, boolean degraded, boolean warming) {

    /** A host that has been up for its warm-up, or does not say since when. */
    public RoomHost(HostKey key, int capacity, String country, boolean degraded) {
        this(key, capacity, country, degraded, false);
    }

    public RoomHost {
        if (capacity <= 0) {
            throw new IllegalArgumentException(key + ": capacity " + capacity + " (expected: at least 1)");
        }
    }
}
