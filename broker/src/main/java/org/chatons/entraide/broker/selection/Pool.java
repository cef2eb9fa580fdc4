package org.chatons.entraide.broker.selection;

import java.util.random.RandomGenerator;

/**
 * The hosts a policy chooses among, by index, at one instant. A pool may hold hosts that have since filled up:
 * a policy asks {@link #admits} before choosing one. Sampling is O(log n), so a policy that samples a few hosts
 * stays fast with thousands of them.
 */
public interface Pool {

    int size();

    /** Whether host {@code i} may receive a new user now. */
    boolean admits(int i);

    /** Load from the host's last report (1.0 = full); 0 when unknown (see {@link #loadKnown}). */
    double reportedLoad(int i);

    /** Reported load plus the users sent there since the report, over capacity. */
    double estimatedLoad(int i);

    /**
     * Whether the host's last report gives a load. When it does not, its loads count only the users sent there
     * since the report, a lower bound that a policy must not take for a load.
     */
    default boolean loadKnown(int i) {
        return true;
    }

    /**
     * Whether the host is measured live by its member's agent, rather than declared in ChatonsInfos and probed from
     * outside: between two hosts of the same load the measured one is preferred.
     */
    default boolean measured(int i) {
        return true;
    }

    /** Users the host can serve. */
    int capacity(int i);

    /** A random host, each with probability proportional to its capacity. */
    int sampleByCapacity(RandomGenerator random);

    /**
     * The capacity-weighted mean estimated load of the pool's hosts whose load is known, counting the users sent
     * to them since the pool's snapshot was taken: the level a perfect spread would have.
     */
    default double meanEstimatedLoad() {
        return Double.NaN;
    }

    /** A random host, all equally likely. */
    default int sampleUniformly(RandomGenerator random) {
        return random.nextInt(size());
    }
}
