package org.chatons.entraide.broker.counting;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.chatons.entraide.broker.counting.CountingRules.Evidence;

/**
 * How much a redirect to one service counts now (1 = a whole user), learned from its hosts' reports.
 *
 * <p>Each host's last two reports give their evidence (the redirects they should include and how many of those
 * should still be there, the most arrivals who can still be there); the weight is all the arrivals still there
 * that those reports allow over all the redirects that should be, between the floor and 1. Pooled over the
 * service, a flood shows within a few reports of any of its hosts, and a weight drawn from the hosts' latest
 * reports only recovers as soon as they show redirects arriving again: a flood costs at most a report interval or
 * two, then redirects count as little as the reports confirm while it goes on. Ratio of
 * sums, so a host sent many redirects weighs more than one sent a few, and a handful of redirects still to be seen
 * (fewer than {@link CountingRules#minEvidence}) proves nothing either way.
 *
 * @param <K> what identifies a host
 */
public final class RedirectWeight<K> {

    /** Every this many redirects in a second the rate is summed up again (besides the first of each second). */
    static final int RESUM = 16;

    /**
     * Evidence from a host silent for this many of its own intervals no longer speaks for the service (its report
     * is stale by then): in intervals, not minutes, so a host reporting every 10 minutes keeps speaking.
     */
    static final int MEMORY_INTERVALS = 3;
    /** How often silent hosts' evidence is looked for: a sweep is a look at each of the service's hosts. */
    static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

    /** A host's two latest pieces of evidence, the later one in {@code last}. */
    private record Entry(Evidence previous, Evidence last, Instant at) {
        long sent() {
            return (previous == null ? 0 : previous.sent()) + last.sent();
        }

        double sentThere() {
            return (previous == null ? 0 : previous.sentThere()) + last.sentThere();
        }

        double arrivedThere() {
            return (previous == null ? 0 : previous.arrivedThere()) + last.arrivedThere();
        }

        double arrived() {
            return (previous == null ? 0 : previous.arrivedAtMost()) + last.arrivedAtMost();
        }

        double userSeconds() {
            return (previous == null ? 0 : previous.userSeconds()) + last.userSeconds();
        }

        /** The most users a second who can have arrived, over both intervals. */
        double rate() {
            double seconds = (previous == null ? 0 : previous.seconds()) + last.seconds();
            return seconds <= 0 ? 0 : arrived() / seconds;
        }
    }

    private final CountingRules rules;
    /** Guarded by {@code this}, with the sums over it. */
    private final Map<K, Entry> byHost = new HashMap<>();
    private long sent;
    private double sentThere;
    private double arrivedThere;
    private double userSeconds;
    /** The service's arrivals a second that its hosts' latest reports allow, summed over the hosts. */
    private double confirmedRate;
    private Instant swept = Instant.MIN;
    /**
     * The weight the reports' evidence gives, the rate of redirects (a second) they allow before a surge, and the
     * weight the rate of redirects now allows. Each send and each report recomputes {@link #value} from them; two
     * at once may publish from a pair a moment old, which the next one corrects.
     */
    private volatile double confirmed = 1;
    private volatile double allowedRate;
    private volatile double surge = 1;
    /** Read by every pick without a lock. */
    private volatile double value = 1;
    /**
     * Redirects by second over the last {@link CountingRules#RATE_WINDOW}, a slot a second. Every redirect of the
     * service passes here, from every request thread: adders rather than a lock. A slot taken over for a new second
     * may lose the odd redirect of the second it held, a rate need not be exact.
     */
    private final AtomicLongArray rateSeconds;
    private final LongAdder[] rateCounts;
    private final UsualStay stay;

    public RedirectWeight(CountingRules rules) {
        this.rules = rules;
        this.stay = new UsualStay(rules.stayAtLeast());
        int window = (int) CountingRules.RATE_WINDOW.toSeconds();
        this.rateSeconds = new AtomicLongArray(window);
        this.rateCounts = new LongAdder[window];
        for (int i = 0; i < window; i++) {
            rateCounts[i] = new LongAdder();
        }
    }

    /**
     * Counts a redirect to a host whose reports give a user count, for the rate of redirects: when it surges past
     * {@link CountingRules#surge} times what the reports recently confirmed, redirects count less at once, before
     * any report can show that they do not arrive. The rate is summed up again at each new second and every
     * {@link #RESUM} redirects, not at every one.
     */
    public void sent(Instant now) {
        long second = now.getEpochSecond();
        int window = rateCounts.length;
        int slot = (int) Math.floorMod(second, (long) window);
        long held = rateSeconds.get(slot);
        boolean newSecond = held != second && rateSeconds.compareAndSet(slot, held, second);
        if (newSecond) {
            rateCounts[slot].reset();
        }
        rateCounts[slot].increment();
        // A few cells to add up (no more than the cores): cheap, and the same in a simulation run after run.
        if (newSecond || (rateCounts[slot].sum() & (RESUM - 1)) == 0) {
            long recent = 0;
            for (int i = 0; i < window; i++) {
                recent += second - rateSeconds.get(i) < window ? rateCounts[i].sum() : 0;
            }
            double perSecond = (double) recent * rules.brokers() / window;
            double allowed = allowedRate;
            surge = allowed <= 0 || perSecond <= allowed ? 1 : allowed / perSecond;
            publish();
        }
    }

    /** How much a redirect counts: between the floor and 1. */
    public double value() {
        return value;
    }

    /** Takes in what a host's new report says of the redirects it should include. */
    public synchronized void learn(K host, Evidence evidence, Instant at) {
        Entry before = byHost.get(host);
        Entry after = new Entry(before == null ? null : before.last(), evidence, at);
        remove(before);
        byHost.put(host, after);
        sent += after.sent();
        sentThere += after.sentThere();
        arrivedThere += after.arrivedThere();
        userSeconds += after.userSeconds();
        confirmedRate += after.rate();
        if (at.isAfter(swept.plus(SWEEP_EVERY))) {
            sweep(at);
            swept = at;
        }
        update();
        stay.learn(userSeconds, sent, sent >= rules.minEvidence(), sentThere <= 0 ? 1 : arrivedThere / sentThere, at,
                evidence.seconds());
    }

    /**
     * How long people usually stay on the service, learned from its reports ({@link UsualStay}): what the next
     * reports' evidence assumes of departures.
     */
    public Duration stay() {
        return stay.value();
    }

    /**
     * How long, in seconds, a user sent since a host's report is taken to stay there on average: the learned stay;
     * forever (every such user counts until the next report) until the reports have taught one, since the stay
     * assumed meanwhile is the shortest allowed, and when the rules say so ({@link CountingRules#departures}).
     */
    public double sentStaySeconds() {
        return rules.departures() && stay.learned() ? stay.seconds() : Double.POSITIVE_INFINITY;
    }

    /** The stay the service's latest reports imply by Little's law, NaN before they cover enough redirects. */
    public double impliedStaySeconds() {
        return stay.implied();
    }

    /** Drops a host's evidence: it left the service, or the registry forgot it. */
    public synchronized void forget(K host) {
        remove(byHost.remove(host));
        update();
    }

    private void sweep(Instant now) {
        for (Iterator<Entry> it = byHost.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            long silentMillis = Duration.between(e.at(), now).toMillis();
            if (silentMillis > MEMORY_INTERVALS * e.last().seconds() * 1000) {
                remove(e);
                it.remove();
            }
        }
    }

    private void remove(Entry e) {
        if (e != null) {
            sent -= e.sent();
            sentThere -= e.sentThere();
            arrivedThere -= e.arrivedThere();
            userSeconds -= e.userSeconds();
            confirmedRate -= e.rate();
        }
    }

    private void update() {
        if (byHost.isEmpty()) {
            // Sums of doubles drift: start again from exact zeros.
            sent = 0;
            sentThere = 0;
            arrivedThere = 0;
            userSeconds = 0;
            confirmedRate = 0;
        }
        confirmed = sentThere < rules.minEvidence() ? 1
                : Math.max(rules.floor(), Math.min(1, arrivedThere / sentThere));
        allowedRate = rules.surge() * confirmedRate;
        publish();
    }

    private void publish() {
        value = Math.max(rules.floor(), Math.min(confirmed, surge));
    }
}
