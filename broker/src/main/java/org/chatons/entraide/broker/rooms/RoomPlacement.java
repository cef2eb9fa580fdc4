package org.chatons.entraide.broker.rooms;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where each room goes, over one snapshot of the hosts that may take rooms (see the package's description). Pure
 * and immutable: two brokers given the same hosts, in any order, place every name alike.
 *
 * @param hosts the hosts of one service that may take rooms now, by their reports
 */
public record RoomPlacement(List<RoomHost> hosts) {

    public RoomPlacement {
        hosts = List.copyOf(hosts);
    }

    /**
     * The host of the room: the first of the name's order among the first of these tiers that holds a host: warm and
     * ELIGIBLE, warm and DEGRADED, warming and ELIGIBLE, warming and DEGRADED (so a federation whose hosts all
     * restarted still has rooms); within it, among those of the country when the link names one ({@code ?near=})
     * and any of them can take the room, else among all.
     *
     * @param country an ISO 3166 code written in the link, or null
     */
    public Optional<RoomHost> place(RoomName name, String country) {
        int first = hosts.stream().mapToInt(RoomPlacement::tier).min().orElse(0);
        List<RoomHost> tier = hosts.stream().filter(h -> tier(h) == first).toList();
        if (country != null) {
            List<RoomHost> local = tier.stream().filter(h -> country.equals(h.country())).toList();
            if (!local.isEmpty()) {
                tier = local;
            }
        }
        // Each host's score once (a SHA-256 each), where a comparator would draw it again at every comparison.
        String key = name.key();
        RoomHost best = null;
        double bestScore = 0;
        for (RoomHost h : tier) {
            double score = Rendezvous.score(h.key().toString(), key, h.capacity());
            if (best == null || score > bestScore
                    || score == bestScore && h.key().toString().compareTo(best.key().toString()) < 0) {
                best = h;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int tier(RoomHost h) {
        return (h.warming() ? 2 : 0) + (h.degraded() ? 1 : 0);
    }

    /** Every host, in the name's order: where its room goes, then where it would go if that host could not take it. */
    public List<RoomHost> order(RoomName name) {
        return hosts.stream().sorted(ranking(name.key())).toList();
    }

    /** Highest score first; two equal scores (one chance in 2^53) by key, so the order is total. */
    private static Comparator<RoomHost> ranking(String nameKey) {
        return Comparator.comparingDouble((RoomHost h) -> -Rendezvous.score(h.key().toString(), nameKey, h.capacity()))
                .thenComparing(h -> h.key().toString());
    }
}
