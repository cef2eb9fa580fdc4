package org.chatons.entraide.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    final EventQueue events = new EventQueue();
    final List<String> ran = new ArrayList<>();

    @Test
    void runsInTimeOrderThenInTheOrderScheduled() {
        events.at(30, () -> ran.add("c@" + events.now()));
        events.at(10, () -> ran.add("a@" + events.now()));
        events.at(10, () -> ran.add("b@" + events.now()));
        events.runUntil(100);
        assertThat(ran).containsExactly("a@10", "b@10", "c@30");
        assertThat(events.now()).isEqualTo(100);
    }

    @Test
    void actionsScheduleMoreActionsRelativeToTheirOwnTime() {
        events.at(5, () -> events.after(10, () -> ran.add("later@" + events.now())));
        events.runUntil(100);
        assertThat(ran).containsExactly("later@15");
    }

    @Test
    void stopsBeforeTheEndAndKeepsTheRest() {
        events.at(10, () -> ran.add("in"));
        events.at(20, () -> ran.add("at the end"));
        events.runUntil(20);
        assertThat(ran).containsExactly("in");
        assertThat(events.pending()).isEqualTo(1);
        events.runUntil(21);
        assertThat(ran).containsExactly("in", "at the end");
    }

    @Test
    void thePastCannotBeScheduled() {
        events.runUntil(50);
        assertThatThrownBy(() -> events.at(49, () -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= now");
    }

    @Test
    void theClockShowsTheTimeOfTheRunningAction() {
        SimClock clock = new SimClock(events);
        events.at(2_500, () -> ran.add(clock.instant().toString()));
        events.runUntil(3_000);
        assertThat(ran).containsExactly(SimClock.START.plusMillis(2_500).toString());
    }
}
