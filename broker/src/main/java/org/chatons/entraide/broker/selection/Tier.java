package org.chatons.entraide.broker.selection;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.chatons.entraide.broker.eligibility.Eligibility;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.TrackedHost;

/**
 * The hosts of one service that were {@code wanted} (ELIGIBLE, or DEGRADED for the fallback tier) when the
 * snapshot was taken, with cumulative capacities for O(log n) sampling by capacity.
 */
final class Tier {

    private final TrackedHost[] hosts;
    private final long[] cumulativeCapacity;
    private final Eligibility wanted;
    /** Sum over the hosts of estimated load x capacity when the snapshot was taken, and the total capacity. */
    private final double weightedLoad;
    private final long totalCapacity;
    private final AtomicInteger sentSinceSnapshot = new AtomicInteger();

    Tier(List<TrackedHost> hosts, Eligibility wanted) {
        this.hosts = hosts.toArray(TrackedHost[]::new);
        this.wanted = wanted;
        this.cumulativeCapacity = new long[this.hosts.length];
        long sum = 0;
        double weighted = 0;
        for (int i = 0; i < this.hosts.length; i++) {
            sum += this.hosts[i].host().capacity();
            weighted += this.hosts[i].estimatedLoad() * this.hosts[i].host().capacity();
            cumulativeCapacity[i] = sum;
        }
        this.weightedLoad = weighted;
        this.totalCapacity = sum;
    }

    TrackedHost host(int i) {
        return hosts[i];
    }

    /** Counts a user sent to one of the tier's hosts, for {@link Pool#meanEstimatedLoad()}. */
    void sent() {
        sentSinceSnapshot.incrementAndGet();
    }

    /** The tier as a pool at one instant: a host is admitted if the rules still give it the wanted verdict. */
    Pool at(Instant now, EligibilityRules rules, HostRegistry registry) {
        return new Pool() {
            @Override
            public int size() {
                return hosts.length;
            }

            @Override
            public boolean admits(int i) {
                TrackedHost t = hosts[i];
                return rules.assess(t.host(), t.sentSinceReport(), registry.isDrained(t.host().key()), now) == wanted;
            }

            @Override
            public double reportedLoad(int i) {
                return hosts[i].host().reportedLoad();
            }

            @Override
            public double estimatedLoad(int i) {
                return hosts[i].estimatedLoad();
            }

            @Override
            public int capacity(int i) {
                return hosts[i].host().capacity();
            }

            @Override
            public double meanEstimatedLoad() {
                return totalCapacity == 0 ? Double.NaN : (weightedLoad + sentSinceSnapshot.get()) / totalCapacity;
            }

            @Override
            public int sampleByCapacity(RandomGenerator random) {
                long target = random.nextLong(cumulativeCapacity[hosts.length - 1]);
                int found = Arrays.binarySearch(cumulativeCapacity, target + 1);
                return found >= 0 ? found : -found - 1;
            }
        };
    }
}
