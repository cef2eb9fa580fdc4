package org.chatons.entraide.broker.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which reports of one member are newer than the ones already accepted, so that a replayed or late report never
 * replaces fresher figures. Reports are ordered by the agent's clock ({@code sentAt}) while it runs forward.
 *
 * <p>An agent whose clock ran minutes ahead and was then set right sends {@code sentAt} earlier than its last
 * report's. Refusing those until real time caught up with its last report would lock it out for as long as its
 * clock was ahead (up to {@code broker.max-clock-ahead}). Such a report is let in when the agent's clock now agrees
 * with the broker's and the report was measured after every report accepted so far had certainly been measured:
 * then it is newer in real time. A replay is still refused: a report accepted before is either not later than
 * {@link #measuredBy} or one of the {@link #ahead} ones remembered for that purpose.
 *
 * @param newest     the latest {@code sentAt} accepted
 * @param measuredBy an instant by which every accepted report had been measured: the latest of their
 *                   {@code sentAt}, each taken no later than the broker's clock when it arrived
 * @param ahead      the {@code sentAt} of accepted reports that were ahead of the broker's clock and are later
 *                   than {@code measuredBy}, oldest first: those a replay could pass off as a corrected clock's
 */
record ReportOrder(Instant newest, Instant measuredBy, List<Instant> ahead) {

    /** Before a member's first report: anything goes. */
    static final ReportOrder NONE = new ReportOrder(Instant.MIN, Instant.MIN, List.of());

    /**
     * How far ahead of the broker's clock a report may be and still count as from a clock that agrees with it:
     * clocks kept by NTP agree within milliseconds, and a report is measured before it is sent.
     */
    static final Duration CLOCKS_AGREE = Duration.ofSeconds(2);

    /**
     * How many reports sent ahead of the broker's clock are remembered. An agent sends a few within the
     * {@code max-clock-ahead} window; past this many, the oldest is forgotten and {@link #measuredBy} moves up to
     * it, so it stays refused (a corrected clock then waits until real time passes it, as before this class).
     */
    static final int REMEMBERED = 16;

    ReportOrder {
        ahead = List.copyOf(ahead);
    }

    /**
     * Whether a report is newer than every report accepted so far.
     *
     * @param sentAt  the report's {@code sentAt}
     * @param arrival the broker's clock when it arrived
     */
    boolean admits(Instant sentAt, Instant arrival) {
        if (ahead.contains(sentAt)) {
            return false;
        }
        if (sentAt.isAfter(newest)) {
            return true;
        }
        // Not newer by the agent's clock: a replay, a late retry, or a clock set back. Only the last is newer in
        // real time, and only if the agent's clock agrees with ours now.
        return !sentAt.isAfter(arrival.plus(CLOCKS_AGREE)) && sentAt.isAfter(measuredBy);
    }

    /** The order once a report {@link #admits admitted} is accepted. */
    ReportOrder after(Instant sentAt, Instant arrival) {
        Instant latest = sentAt.isAfter(newest) ? sentAt : newest;
        Instant measured = sentAt.isAfter(arrival) ? arrival : sentAt;
        Instant by = measured.isAfter(measuredBy) ? measured : measuredBy;
        List<Instant> kept = new ArrayList<>(ahead.size() + 1);
        kept.addAll(ahead);
        if (sentAt.isAfter(arrival)) {
            kept.add(sentAt);
        }
        while (kept.size() > REMEMBERED) {
            Instant forgotten = kept.remove(0);
            by = forgotten.isAfter(by) ? forgotten : by;
        }
        Instant floor = by;
        kept.removeIf(at -> !at.isAfter(floor));
        return new ReportOrder(latest, by, kept);
    }
}
