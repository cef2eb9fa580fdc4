package org.chatons.entraide.broker.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Replays are refused; an agent whose clock ran ahead and was set right is let in at once. */
class ReportOrderTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");

    /** The order after reports sent at {@code sentAt} (agent's clock) that arrived at {@code arrival} (ours). */
    static ReportOrder accepted(ReportOrder order, Instant sentAt, Instant arrival) {
        assertThat(order.admits(sentAt, arrival)).as("%s arriving at %s", sentAt, arrival).isTrue();
        return order.after(sentAt, arrival);
    }

    @Test
    void reportsFromAClockThatAgreesAreOrderedBySentAt() {
        ReportOrder order = accepted(ReportOrder.NONE, T0, T0.plusMillis(20));
        order = accepted(order, T0.plusSeconds(30), T0.plusSeconds(30).plusMillis(20));

        assertThat(order.admits(T0.plusSeconds(30), T0.plusSeconds(31))).as("the same report again").isFalse();
        assertThat(order.admits(T0, T0.plusSeconds(31))).as("an earlier one, late").isFalse();
        assertThat(order.admits(T0.plusSeconds(29), T0.plusSeconds(45))).as("measured before the last").isFalse();
        assertThat(order.admits(T0.plusSeconds(60), T0.plusSeconds(60))).isTrue();
        assertThat(order.ahead()).isEmpty();
    }

    @Test
    void anAgentWhoseClockRanAheadIsLetInAsSoonAsItIsSetRight() {
        // Four minutes ahead, two reports: both accepted (within broker.max-clock-ahead).
        ReportOrder order = accepted(ReportOrder.NONE, T0.plusSeconds(240), T0);
        order = accepted(order, T0.plusSeconds(270), T0.plusSeconds(30));

        // Its clock is set right: the next reports are minutes "older" by sentAt, and newer in fact.
        order = accepted(order, T0.plusSeconds(60), T0.plusSeconds(60));
        order = accepted(order, T0.plusSeconds(90), T0.plusSeconds(90).plusMillis(30));

        assertThat(order.admits(T0.plusSeconds(90), T0.plusSeconds(95))).as("the last one again").isFalse();
        assertThat(order.admits(T0.plusSeconds(75), T0.plusSeconds(95))).as("measured before the last").isFalse();
        assertThat(order.admits(T0.plusSeconds(120), T0.plusSeconds(120))).isTrue();
    }

    @Test
    void theReportsSentAheadStayRefusedBeforeAndAfterRealTimeCatchesUpWithThem() {
        ReportOrder order = accepted(ReportOrder.NONE, T0.plusSeconds(240), T0);
        order = accepted(order, T0.plusSeconds(270), T0.plusSeconds(30));
        order = accepted(order, T0.plusSeconds(60), T0.plusSeconds(60));

        // Replayed while still ahead of our clock, then once our clock has passed them.
        assertThat(order.admits(T0.plusSeconds(240), T0.plusSeconds(61))).isFalse();
        assertThat(order.admits(T0.plusSeconds(270), T0.plusSeconds(61))).isFalse();
        assertThat(order.admits(T0.plusSeconds(240), T0.plusSeconds(250))).isFalse();
        assertThat(order.admits(T0.plusSeconds(270), T0.plusSeconds(300))).isFalse();

        // Once the corrected agent's reports pass them, they are refused as old and need not be remembered.
        for (int s = 95; s <= 305; s += 30) {
            order = accepted(order, T0.plusSeconds(s), T0.plusSeconds(s));
        }
        assertThat(order.ahead()).isEmpty();
        assertThat(order.admits(T0.plusSeconds(270), T0.plusSeconds(306))).isFalse();
    }

    @Test
    void aLateReportFromAClockStillAheadIsRefused() {
        ReportOrder order = accepted(ReportOrder.NONE, T0.plusSeconds(240), T0);
        order = accepted(order, T0.plusSeconds(300), T0.plusSeconds(60));

        // Measured between the two (by its fast clock), delivered after the second: older figures.
        assertThat(order.admits(T0.plusSeconds(270), T0.plusSeconds(61))).isFalse();
    }

    @Test
    void aClockSetBackButStillAheadWaitsForRealTime() {
        ReportOrder order = accepted(ReportOrder.NONE, T0.plusSeconds(240), T0);

        // Set back by a minute only: still three minutes ahead, so not known to agree with ours.
        assertThat(order.admits(T0.plusSeconds(210), T0.plusSeconds(30))).isFalse();
        // Within the tolerance, it does.
        assertThat(order.admits(T0.plusSeconds(31), T0.plusSeconds(30))).isTrue();
        assertThat(order.admits(T0.plusSeconds(33), T0.plusSeconds(30))).isFalse();
    }

    @Test
    void aFloodOfReportsAheadIsRememberedWithinABoundAndNoneCanBeReplayed() {
        ReportOrder order = ReportOrder.NONE;
        for (int k = 0; k < 100; k++) {
            order = accepted(order, T0.plusSeconds(240 + k), T0.plusMillis(k));
        }
        assertThat(order.ahead()).hasSize(ReportOrder.REMEMBERED);

        for (int k = 0; k < 100; k++) {
            assertThat(order.admits(T0.plusSeconds(240 + k), T0.plusSeconds(1))).as("report %d", k).isFalse();
            assertThat(order.admits(T0.plusSeconds(240 + k), T0.plusSeconds(400))).as("report %d", k).isFalse();
        }
        // A report after the forgotten ones, from a corrected clock, is still let in.
        assertThat(order.admits(T0.plusSeconds(330).plusMillis(500), T0.plusSeconds(330))).isTrue();
    }

    @Test
    void aSlowClockIsOrderedBySentAtAsUsual() {
        ReportOrder order = accepted(ReportOrder.NONE, T0.minusSeconds(120), T0);
        order = accepted(order, T0.minusSeconds(90), T0.plusSeconds(30));

        assertThat(order.admits(T0.minusSeconds(90), T0.plusSeconds(31))).isFalse();
        // Set right (forward): simply newer.
        assertThat(order.admits(T0.plusSeconds(60), T0.plusSeconds(60))).isTrue();
    }
}
