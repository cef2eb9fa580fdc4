package org.chatons.entraide.bench.sim;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The discrete-event core: actions scheduled at virtual times (milliseconds from the start), run in time order;
 * two actions at the same time run in the order they were scheduled, so a run is deterministic.
 */
public final class EventQueue {

    private record Event(long at, long seq, Runnable action) {
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            Comparator.comparingLong(Event::at).thenComparingLong(Event::seq));
    private long now;
    private long seq;

    /** The virtual time of the action running now (or of the last one run). */
    public long now() {
        return now;
    }

    /** Schedules an action at a virtual time, never in the past. */
    public void at(long time, Runnable action) {
        if (time < now) {
            throw new IllegalArgumentException("time: " + time + " (expected: >= now, " + now + ")");
        }
        queue.add(new Event(time, seq++, action));
    }

    public void after(long delay, Runnable action) {
        at(now + delay, action);
    }

    /** Runs every action scheduled before {@code end}, including those they schedule, then stands at {@code end}. */
    public void runUntil(long end) {
        while (!queue.isEmpty() && queue.peek().at() < end) {
            Event e = queue.poll();
            now = e.at();
            e.action().run();
        }
        now = Math.max(now, end);
    }

    public int pending() {
        return queue.size();
    }
}
