package org.chatons.entraide.broker.registry;

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
 */
final class Sends {

    /** Epoch seconds of the buckets, ascending, and the sends in each; guarded by {@code this}. */
    private long[] seconds;
    private int[] counts;
    private int size;
    /** Read without the lock by every pick that looks at the host. */
    private volatile int total;
    /** Set once, by {@link #split}: where later sends go. */
    private Sends successor;

    Sends() {
        this(new long[4], new int[4], 0, 0);
    }

    private Sends(long[] seconds, int[] counts, int size, int total) {
        this.seconds = seconds;
        this.counts = counts;
        this.size = size;
        this.total = total;
    }

    int total() {
        return total;
    }

    /** Counts one user sent at that instant. */
    void add(Instant at) {
        Sends next;
        synchronized (this) {
            next = successor;
            if (next == null) {
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
        next.add(at);
    }

    /**
     * Ends this object at a new report measured at {@code cutoff} (less the join grace): the sends of seconds before
     * the cutoff's are in the report and are dropped, the others (the cutoff's own second included, erring towards
     * counting a few twice rather than forgetting them) move to the returned successor.
     *
     * @return the successor and how many sends the report took in
     */
    synchronized Split split(Instant cutoff) {
        if (successor != null) {
            throw new IllegalStateException("already split");
        }
        long from = cutoff.getEpochSecond();
        int first = 0;
        int dropped = 0;
        while (first < size && seconds[first] < from) {
            dropped += counts[first++];
        }
        int kept = size - first;
        int capacity = Math.max(4, Integer.highestOneBit(Math.max(1, kept)) * 2);
        long[] keptSeconds = new long[capacity];
        int[] keptCounts = new int[capacity];
        System.arraycopy(seconds, first, keptSeconds, 0, kept);
        System.arraycopy(counts, first, keptCounts, 0, kept);
        successor = new Sends(keptSeconds, keptCounts, kept, total - dropped);
        return new Split(successor, dropped);
    }

    /**
     * What a report made of the sends before it.
     *
     * @param next    the sends carried over, where new ones are counted
     * @param counted how many sends the report's figures should include (sent long enough before it was measured)
     */
    record Split(Sends next, int counted) {
    }
}
