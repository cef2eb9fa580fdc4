package org.chatons.entraide.broker.selection;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.chatons.entraide.broker.counting.RedirectWeight;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.registry.Source;
import org.chatons.entraide.broker.registry.TrackedHost;

/**
 * The hosts of one service that were ELIGIBLE (or DEGRADED, for the fallback tier) when the snapshot was taken,
 * with cumulative capacities for O(log n) sampling by capacity. A snapshot: the hosts' reports, members and drains
 * are as of its registry version, and a report, a reload or a drain makes a new one (see {@link Dispatcher});
 * what moves within it is only the users sent since (each host's {@code counting.Sends}, and the counts below),
 * which a pick must see at once. It reaches back into nothing: a policy's pool is read from it alone.
 */
final class Tier {

    private final TrackedHost[] hosts;
    private final long[] cumulativeCapacity;
    /**
     * Over the hosts whose load is known (the others' would drag the mean down), the sum of estimated load x
     * capacity when the snapshot was taken, and their capacity.
     */
    private final double weightedLoad;
    private final long knownCapacity;
    private final AtomicInteger sentSinceSnapshot = new AtomicInteger();
    private final RedirectWeight<?> weight;
    private final EligibilityRules rules;
    /** Whether a host is admitted while its report alone leaves it room (see {@link #overflow}). */
    private final boolean byReport;
    /** The hosts by country and language, made when a pick first asks for them (see {@link NearFirst}). */
    private volatile Regions regions;

    /**
     * @param rules where a host is full: the one verdict that the users sent can change within a snapshot
     * @param now   when the snapshot is taken: the mean is of the hosts' estimates then, as each pick judges its
     *              candidates at its own instant (users sent and reported leaving), so the two compare
     */
    Tier(List<TrackedHost> hosts, RedirectWeight<?> weight, EligibilityRules rules, Instant now) {
        this(hosts, weight, rules, now, false);
    }

    private Tier(List<TrackedHost> hosts, RedirectWeight<?> weight, EligibilityRules rules, Instant now,
                 boolean byReport) {
        this.byReport = byReport;
        this.weight = weight;
        this.rules = rules;
        this.hosts = hosts.toArray(TrackedHost[]::new);
        this.cumulativeCapacity = new long[this.hosts.length];
        long sum = 0;
        long known = 0;
        double weighted = 0;
        for (int i = 0; i < this.hosts.length; i++) {
            int capacity = this.hosts[i].host().capacity();
            sum += capacity;
            if (this.hosts[i].host().loadKnown()) {
                known += capacity;
                weighted += this.hosts[i].estimatedLoad(now) * capacity;
            }
            cumulativeCapacity[i] = sum;
        }
        this.weightedLoad = weighted;
        this.knownCapacity = known;
    }

    /**
     * The last resort, when every host is full by its estimate: the hosts whose load is known, admitted while
     * their reports alone (less the users likely left since) leave them room, whatever was sent since. The users
     * sent since a report are a guess until the next report confirms them, and a flood of redirects that never
     * become users makes exactly that guess: it may steer the choice, never turn a person away from a federation
     * whose reports say it has room. The choice among them is still the policy's, by estimate.
     */
    static Tier overflow(List<TrackedHost> hosts, RedirectWeight<?> weight, EligibilityRules rules, Instant now) {
        return new Tier(hosts.stream().filter(t -> t.host().loadKnown()).toList(), weight, rules, now, true);
    }

    TrackedHost host(int i) {
        return hosts[i];
    }

    int size() {
        return hosts.length;
    }

    /** How much a counted redirect to the service counts now. */
    double weight() {
        return weight.value();
    }

    /** Counts a user sent to host {@code i}, for {@link Pool#meanEstimatedLoad()} and the regions' fullness. */
    void sent(int i) {
        boolean known = hosts[i].host().loadKnown();
        if (known) {
            sentSinceSnapshot.incrementAndGet();
        }
        Regions made = regions;
        if (made != null) {
            made.sent(i, known);
        }
    }

    /** Counts a user sent to that host, chosen elsewhere, when it is one of the tier's (else nothing). */
    void sent(TrackedHost host) {
        for (int i = 0; i < hosts.length; i++) {
            if (hosts[i] == host) {
                sent(i);
                return;
            }
        }
    }

    /**
     * The tier's hosts by country and by language. Made once, from the hosts' estimates at that moment, which
     * count every user sent until then; the users sent after are counted by {@link #sent}.
     */
    Regions regions() {
        Regions made = regions;
        if (made == null) {
            synchronized (this) {
                made = regions;
                if (made == null) {
                    made = new Regions(hosts);
                    regions = made;
                }
            }
        }
        return made;
    }

    /**
     * The tier as a pool at that instant: a host is admitted while it has not filled up since the snapshot; its
     * users sent since its report count as likely still there {@code now}.
     */
    Pool pool(Instant now) {
        return new Pool() {
            /**
             * The last host asked about and its users sent since its report, likely still there {@code now}: a
             * policy asks whether a host is admitted, then compares it, and each asks this of the same host. Worked
             * out again once a user is sent there, so the pool still sees a host fill up.
             */
            private int lastAsked = -1;
            private int lastSent;
            private double lastReserved;

            private double reserved(int i) {
                int sent = hosts[i].sentSinceReport();
                if (i != lastAsked || sent != lastSent) {
                    lastReserved = hosts[i].reserved(now);
                    lastAsked = i;
                    lastSent = sent;
                }
                return lastReserved;
            }

            @Override
            public int size() {
                return hosts.length;
            }

            @Override
            public boolean admits(int i) {
                // Only filling up can change a candidate's verdict while the snapshot is in use: a report, a
                // reload or a drain replaces the snapshot, and so does the passing of the first instant at which
                // time alone could (a report going stale, a confirmation lapsing; see Dispatcher). Checking just
                // that keeps a pick from redoing the date arithmetic of every rule for every host it samples.
                TrackedHost t = hosts[i];
                double reserved = reserved(i);
                return byReport ? rules.roomByReport(t.host(), reserved) : !rules.full(t.host(), reserved);
            }

            @Override
            public double reportedLoad(int i) {
                return hosts[i].host().loadKnown() ? hosts[i].host().reportedLoad() : 0;
            }

            @Override
            public boolean loadKnown(int i) {
                return hosts[i].host().loadKnown();
            }

            @Override
            public boolean measured(int i) {
                return hosts[i].host().source() == Source.AGENT;
            }

            @Override
            public double estimatedLoad(int i) {
                return hosts[i].host().estimatedLoad(reserved(i));
            }

            @Override
            public int capacity(int i) {
                return hosts[i].host().capacity();
            }

            @Override
            public double meanEstimatedLoad() {
                return knownCapacity == 0 ? Double.NaN
                        : (weightedLoad + weight.value() * sentSinceSnapshot.get()) / knownCapacity;
            }

            @Override
            public int sampleByCapacity(RandomGenerator random) {
                return Tier.sampleByCapacity(cumulativeCapacity, random);
            }
        };
    }

    /** An index drawn with probability proportional to its capacity, from the running sums of the capacities. */
    static int sampleByCapacity(long[] cumulativeCapacity, RandomGenerator random) {
        return holding(cumulativeCapacity, random.nextLong(cumulativeCapacity[cumulativeCapacity.length - 1]));
    }

    /**
     * The host whose range of draws holds {@code draw} (below the total): the first whose running sum exceeds it.
     * A search without branches to mispredict, as every draw goes a random way down (BENCHMARKS.md §3).
     */
    static int holding(long[] cumulativeCapacity, long draw) {
        int base = 0;
        for (int n = cumulativeCapacity.length; n > 1; n -= n >>> 1) {
            int half = n >>> 1;
            base = cumulativeCapacity[base + half - 1] <= draw ? base + half : base;
        }
        return base;
    }
}
