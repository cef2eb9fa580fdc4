package org.chatons.entraide.demo.standins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedHostTest {

    /** Two simulated hours, tick by tick as the demo runs them. */
    static List<String> live(SimulatedHost host, List<HostState> states) {
        List<String> events = new ArrayList<>();
        for (double now = 0; now < 7200; now += 0.25) {
            events.addAll(host.tick(0.25, now));
            states.add(host.state());
        }
        return events;
    }

    @Test
    void usersComeAndGoWithinCapacityAndOutagesEnd() {
        List<HostState> states = new ArrayList<>();
        List<String> events = live(new SimulatedHost("m/h", 100, true, true, 0.5, 42), states);

        assertThat(states).allSatisfy(s -> assertThat(s.users()).isBetween(0, 105));
        assertThat(states.stream().mapToInt(HostState::users).max().orElseThrow()).isGreaterThan(60);
        assertThat(states.stream().mapToInt(HostState::users).min().orElseThrow()).isLessThan(30);
        assertThat(events).anyMatch(e -> e.contains("goes down")).anyMatch(e -> e.contains("is back up"));
        assertThat(states).anyMatch(s -> !s.up()).anyMatch(HostState::up);
        assertThat(states.get(states.size() - 1).stored()).isGreaterThan(states.get(0).stored());
    }

    @Test
    void aHostWithRegistrationsClosesThemWhenFullAndReopensLater() {
        List<HostState> states = new ArrayList<>();
        List<String> events = live(new SimulatedHost("m/h", 100, true, false, 0.75, 3), states);

        assertThat(events).anyMatch(e -> e.contains("closes registrations")).anyMatch(e -> e.contains("reopens"));
        assertThat(states).filteredOn(s -> !s.registrationsOpen()).allSatisfy(s -> assertThat(s.users()).isGreaterThan(60));
    }

    @Test
    void theSameSeedReplaysTheSameDay() {
        List<String> first = live(new SimulatedHost("m/h", 100, true, true, 0.5, 9), new ArrayList<>());
        List<String> second = live(new SimulatedHost("m/h", 100, true, true, 0.5, 9), new ArrayList<>());

        assertThat(first).isNotEmpty().isEqualTo(second);
    }
}
