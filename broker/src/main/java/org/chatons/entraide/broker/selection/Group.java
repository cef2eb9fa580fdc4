package org.chatons.entraide.broker.selection;

import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.chatons.entraide.broker.registry.TrackedHost;

/**
 * Some of a tier's hosts (those of one country, or of members speaking one language), with how full they are
 * together: the capacity-weighted mean estimated load of the ones whose load is known, counting the users sent to
 * them since the group was made, each as much as a counted redirect counts now ({@link Tier#weight()}), as
 * {@link Tier} does for all of them.
 */
final class Group {

    /** One user sent to a host whose load is known, in {@link #sent}'s high bits. */
    private static final long KNOWN = 1L << 32;

    private final int[] members;
    private final long[] cumulativeCapacity;
    private final double knownLoad;
    private final long knownCapacity;
    private final long capacity;
    private final double reservedBefore;
    /**
     * The users sent since the group was made: to any of its hosts in the low 32 bits, to those whose load is
     * known in the high ones, so that a user sent costs one atomic addition per group, not two.
     */
    private final AtomicLong sent = new AtomicLong();

    /** The group of {@code hosts[members[k]]}, as they are now. */
    Group(TrackedHost[] hosts, int[] members) {
        this.members = members;
        this.cumulativeCapacity = new long[members.length];
        long sum = 0;
        long known = 0;
        double reserved = 0;
        double weighted = 0;
        for (int k = 0; k < members.length; k++) {
            TrackedHost t = hosts[members[k]];
            int c = t.host().capacity();
            sum += c;
            reserved += t.reserved();
            if (t.host().loadKnown()) {
                known += c;
                weighted += t.estimatedLoad() * c;
            }
            cumulativeCapacity[k] = sum;
        }
        this.capacity = sum;
        this.knownCapacity = known;
        this.knownLoad = weighted;
        this.reservedBefore = reserved;
    }

    int size() {
        return members.length;
    }

    /** The tier's index of the group's k-th host. */
    int member(int k) {
        return members[k];
    }

    /** Counts a user sent to one of the group's hosts. */
    void sent(boolean loadKnown) {
        sent.addAndGet(loadKnown ? KNOWN + 1 : 1);
    }

    /**
     * The mean estimated load of the hosts whose load is known, each user sent since counting {@code weight};
     * NaN when no host's load is known.
     */
    double meanLoad(double weight) {
        return knownCapacity == 0 ? Double.NaN : (knownLoad + weight * (sent.get() >>> 32)) / knownCapacity;
    }

    /**
     * The users this broker sent to the group since its hosts' reports, over its capacity: all there is to compare
     * where loads are unknown (Lufi, Lstu, a plain HTTP check).
     */
    double meanSent(double weight) {
        return capacity == 0 ? Double.NaN : (reservedBefore + weight * (int) sent.get()) / capacity;
    }

    /** The group as a pool of its own, indexed 0..size-1, over the tier's pool; a user sent counts {@code weight}. */
    Pool pool(Pool tier, double weight) {
        return new Pool() {
            @Override
            public int size() {
                return members.length;
            }

            @Override
            public boolean admits(int k) {
                return tier.admits(members[k]);
            }

            @Override
            public double reportedLoad(int k) {
                return tier.reportedLoad(members[k]);
            }

            @Override
            public double estimatedLoad(int k) {
                return tier.estimatedLoad(members[k]);
            }

            @Override
            public boolean loadKnown(int k) {
                return tier.loadKnown(members[k]);
            }

            @Override
            public boolean measured(int k) {
                return tier.measured(members[k]);
            }

            @Override
            public int capacity(int k) {
                return tier.capacity(members[k]);
            }

            @Override
            public double meanEstimatedLoad() {
                return meanLoad(weight);
            }

            @Override
            public int sampleByCapacity(RandomGenerator random) {
                return Tier.sampleByCapacity(cumulativeCapacity, random);
            }
        };
    }
}
