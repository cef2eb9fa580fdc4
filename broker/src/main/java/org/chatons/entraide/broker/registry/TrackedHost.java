package org.chatons.entraide.broker.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.chatons.entraide.broker.members.Member;

/**
 * A host as the registry holds it: its last report, and how many users this broker sent there that the report
 * does not count yet. A new report replaces the whole object: the users sent before it are in it, except those
 * sent in the last moments before it was measured, who had not joined yet (see {@link #JOIN_GRACE}).
 */
public final class TrackedHost {

    /**
     * How long a user sent to a host takes to show in its count: the browser follows the redirect, opens the
     * pad or the call, and the next probe sees it. Users sent this long before a report was measured, or later,
     * are carried over to the next estimate rather than forgotten; counting a few twice errs on the safe side,
     * forgetting them made every fresh report look emptier than the host was.
     */
    public static final Duration JOIN_GRACE = Duration.ofSeconds(5);

    /** How many send times are remembered (a power of two): more than a host gets within {@link #JOIN_GRACE}. */
    private static final int REMEMBERED = 16;

    private final Host host;
    private final AtomicInteger sentSinceReport;
    /** The times (epoch ms) of the last sends, as a ring indexed by {@link #sends}. */
    private final AtomicLongArray sendTimes;
    private final AtomicInteger sends;

    private TrackedHost(Host host) {
        this(host, new AtomicInteger(), new AtomicLongArray(REMEMBERED), new AtomicInteger());
    }

    private TrackedHost(Host host, AtomicInteger sentSinceReport, AtomicLongArray sendTimes, AtomicInteger sends) {
        this.host = host;
        this.sentSinceReport = sentSinceReport;
        this.sendTimes = sendTimes;
        this.sends = sends;
    }

    /**
     * The same host under its member's new details (a members file reloaded), sharing the counts of users sent:
     * a user sent through the old object while it is replaced still counts.
     */
    TrackedHost withMember(Member member) {
        return new TrackedHost(host.withMember(member), sentSinceReport, sendTimes, sends);
    }

    /** The host after a new report: keeps the users the previous object saw sent too late for that report. */
    TrackedHost(Host host, TrackedHost previous) {
        this(host);
        if (previous != null) {
            long cutoff = host.observedAt().minus(JOIN_GRACE).toEpochMilli();
            int count = previous.sends.get();
            for (int k = Math.max(0, count - REMEMBERED); k < count; k++) {
                long at = previous.sendTimes.get(k & (REMEMBERED - 1));
                if (at >= cutoff) {
                    remember(at);
                }
            }
        }
    }

    public Host host() {
        return host;
    }

    public int sentSinceReport() {
        return sentSinceReport.get();
    }

    public double estimatedLoad() {
        return host.estimatedLoad(sentSinceReport.get());
    }

    /** Counts one user sent there at that instant. */
    public void sent(Instant now) {
        remember(now.toEpochMilli());
    }

    private void remember(long epochMillis) {
        sendTimes.set(sends.getAndIncrement() & (REMEMBERED - 1), epochMillis);
        sentSinceReport.incrementAndGet();
    }
}
