package org.chatons.entraide.broker.selection;

import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.chatons.entraide.broker.registry.TrackedHost;

/**
 * Some of a tier's hosts (those of one country, or of members speaking one language), with how full they are
 * together: the capacity-weighted mean estimated load of the ones whose load is known, counting the users sent to
 * them since the group was made, as {@link Tier} does for all of them.
 */
final class Group {

    /** One user sent to a host whose load is known, in {@link #sent}'s high bits. */
    private static final long KNOWN = 1L << 32;

    private final int[] members;
    private final long[] cumulativeCapacity;
    private final double knownLoad;
    private final long knownCapacity;
    private final long capacity;
    private final long sentBefore;
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
        long sentSoFar = 0;
        double weighted = 0;
        for (int k = 0; k < members.length; k++) {
            TrackedHost t = hosts[members[k]];
            int c = t.host().capacity();
            sum += c;
            sentSoFar += t.sentSinceReport();
            if (t.host().loadKnown()) {
                known += c;
                weighted += t.estimatedLoad() * c;
            }
            cumulativeCapacity[k] = sum;
        }
        this.capacity = sum;
        this.knownCapacity = known;
        this.knownLoad = weighted;
        this.sentBefore = sentSoFar;
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

    /** The mean estimated load of the hosts whose load is known; NaN when none is. */
    double meanLoad() {
        return knownCapacity == 0 ? Double.NaN : (knownLoad + (sent.get() >>> 32)) / knownCapacity;
    }

    /**
     * The users this broker sent to the group since its hosts' reports, over its capacity: all there is to compare
     * where loads are unknown (Lufi, Lstu, a plain HTTP check).
     */
    double meanSent() {
        return capacity == 0 ? Double.NaN : (double) (sentBefore + (int) sent.get()) / capacity;
    }

    /** The group as a pool of its own, indexed 0..size-1, over the tier's pool. */
    Pool pool(Pool tier) {
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
            public int capacity(int k) {
                return tier.capacity(members[k]);
            }

            @Override
            public double meanEstimatedLoad() {
                return meanLoad();
            }

            @Override
            public int sampleByCapacity(RandomGenerator random) {
                return Tier.sampleByCapacity(cumulativeCapacity, random);
            }
        };
    }
}
