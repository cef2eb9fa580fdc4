package org.chatons.entraide.broker.counting;

import java.time.Instant;
import java.util.Arrays;

/**
 * The users this broker sent to one host since its last report, counted exactly and kept by the second they were
 * sent, so that a new report can carry over the ones it cannot count yet however many there were (no fixed-size
 * ring: a flash crowd is when the count matters most).
 *
 * <p>A new report ends this object: {@link #split} moves the sends the report does not count into a successor, and
 * any send that still reaches this object (a pick that chose the host from a snapshot taken before the report) is
 * passed on to the successor, so no send is lost or counted twice however the two race.
 *
 * <p>Besides the exact count, the users still likely there: each send counts {@code e^(-age / stay)}, the chance
 * that a user of the service's usual stay has not left yet. Kept as one sum decayed lazily, at each send and when
 * read, so a pick looks at a number, not at the buckets.
 *
 * <p>And the users this broker sent whom the last report counts, likely still there when it was measured: the same
 * decayed sum, carried from report to report, so that the report's users who came through this broker can leave
 * too (see {@code registry.TrackedHost}).
 */
public final class Sends {

    /** Epoch seconds of the buckets, ascending, and the sends in each; guarded by {@code this}. */
    private long[] seconds;
    private int[] counts;
    private int size;
    /** Read without the lock by every pick that looks at the host. */
    private volatile int total;
    /**
     * The sends still likely present at {@link #presentAtMillis}; written under the lock, read without it by every
     * pick (one that races a send may pair a value with the time of the send before, which the next read corrects).
     */
    private volatile double present;
    private volatile long presentAtMillis;
    /** This broker's sends the last report counts, likely still there at {@link #reportedAtMillis}; fixed. */
    private final double reported;
    private final long reportedAtMillis;
    /** Set once, by {@link #split}: where later sends go. */
    private Sends successor;

    public Sends() {
        this(new long[4], new int[4], 0, 0, 0, Long.MIN_VALUE, 0, Long.MIN_VALUE);
    }

    private Sends(long[] seconds, int[] counts, int size, int total, double present, long presentAtMillis,
                  double reported, long reportedAtMillis) {
        this.reported = reported;
        this.reportedAtMillis = reportedAtMillis;
        this.seconds = seconds;
        this.counts = counts;
        this.size = size;
        this.total = total;
        this.present = present;
        this.presentAtMillis = presentAtMillis;
    }

    public int total() {
        return total;
    }

    /** The users sent who are likely still there at the latest send (see the class comment). */
    public double present() {
        return present;
    }

    /**
     * The users sent who are likely still there at {@code nowMillis}, people staying {@code staySeconds} on
     * average (infinite: every send counts in full).
     */
    public double present(long nowMillis, double staySeconds) {
        double sum = present;
        long at = presentAtMillis;
        return nowMillis <= at ? sum : sum * survival(nowMillis - at, staySeconds);
    }

    /**
     * This broker's sends the last report counts (those sent before its cutoff, over every report so far) that are
     * likely still there at {@code atMillis}, people staying {@code staySeconds} on average.
     */
    public double reported(long atMillis, double staySeconds) {
        return reported == 0 ? 0 : reported * survival(atMillis - reportedAtMillis, staySeconds);
    }

    /** The chance that a user sent {@code ageMillis} ago, who stays {@code staySeconds} on average, is still there. */
    public static double survival(long ageMillis, double staySeconds) {
        return ageMillis <= 0 || staySeconds == Double.POSITIVE_INFINITY ? 1 : Math.exp(-ageMillis / 1000.0 / staySeconds);
    }

    /** Counts one user sent at that instant, to a service where people stay {@code staySeconds} on average. */
    public void add(Instant at, double staySeconds) {
        Sends next;
        synchronized (this) {
            next = successor;
            if (next == null) {
                long millis = at.toEpochMilli();
                long last = presentAtMillis;
                // Should the clock step back, the send counts as of the latest one: nothing decays twice.
                present = (last == Long.MIN_VALUE ? 0 : present * survival(millis - last, staySeconds)) + 1;
                presentAtMillis = Math.max(millis, last);
                long second = at.getEpochSecond();
                // Time moves forward, so a send lands in the last bucket or a new one. Should the clock step back,
                // the send joins the last bucket: later rather than earlier, so it is carried over, not dropped.
                if (size > 0 && seconds[size - 1] >= second) {
                    counts[size - 1]++;
                } else {
                    if (size == seconds.length) {
                        seconds = Arrays.copyOf(seconds, size * 2);
                        counts = Arrays.copyOf(counts, size * 2);
                    }
                    seconds[size] = second;
                    counts[size] = 1;
                    size++;
                }
                total++;
                return;
            }
        }
        next.add(at, staySeconds);
    }

    /**
     * Ends this object at a new report measured at {@code cutoff} (less the join grace): the sends of seconds before
     * the cutoff's are in the report and are dropped, the others (the cutoff's own second included, erring towards
     * counting a few twice rather than forgetting them) move to the returned successor.
     *
     * @param staySeconds how long people stay on the service on average: the carried-over sends count as likely
     *                    still there by their age at the latest send
     * @param atMost      how many of this broker's sends the report can count at most (its users over the share of
     *                    redirects that become users): what this broker's past sends add up to is capped there
     * @param measuredAt  when the report was measured, and {@code fastestStaySeconds} the shortest stay people
     *                    may have: of the sends taken in, how many can still be there then
     *                    ({@link Split#countedStillThere})
     * @return the successor and how many sends the report took in
     */
    public synchronized Split split(Instant cutoff, double staySeconds, double atMost, Instant measuredAt,
                                   double fastestStaySeconds) {
        if (successor != null) {
            throw new IllegalStateException("already split");
        }
        long from = cutoff.getEpochSecond();
        int first = 0;
        int dropped = 0;
        long cutoffMillis = cutoff.toEpochMilli();
        double inReport = reported(cutoffMillis, staySeconds);
        double stillThere = 0;
        long measuredMillis = measuredAt.toEpochMilli();
        while (first < size && seconds[first] < from) {
            long middle = seconds[first] * 1000 + 500;
            inReport += counts[first] * survival(cutoffMillis - middle, staySeconds);
            stillThere += counts[first] * survival(measuredMillis - middle, fastestStaySeconds);
            dropped += counts[first++];
        }
        int kept = size - first;
        int capacity = Math.max(4, Integer.highestOneBit(Math.max(1, kept)) * 2);
        long[] keptSeconds = new long[capacity];
        int[] keptCounts = new int[capacity];
        System.arraycopy(seconds, first, keptSeconds, 0, kept);
        System.arraycopy(counts, first, keptCounts, 0, kept);
        // Each bucket counts as sent in the middle of its second, and none later than the latest send.
        long at = presentAtMillis;
        double keptPresent = 0;
        for (int k = 0; k < kept; k++) {
            keptPresent += keptCounts[k] * survival(at - (keptSeconds[k] * 1000 + 500), staySeconds);
        }
        successor = new Sends(keptSeconds, keptCounts, kept, total - dropped, keptPresent, at,
                Math.min(inReport, atMost), cutoffMillis);
        return new Split(successor, dropped, stillThere);
    }

    /**
     * What a report made of the sends before it.
     *
     * @param next              the sends carried over, where new ones are counted
     * @param counted           how many sends the report's figures should include (sent long enough before it was
     *                          measured)
     * @param countedStillThere of those, how many can still be there when it was measured, each by its age then
     */
    public record Split(Sends next, int counted, double countedStillThere) {
    }
}
