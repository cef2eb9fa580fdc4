package org.chatons.entraide.broker.drains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;
import static org.chatons.entraide.broker.Fixtures.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Last writer wins, undrains included, and a broker's own latest word is never lost to another's clock. */
class DrainsMergeTest {

    static final HostKey PAD_1 = new HostKey("alpha", "pad-1");
    static final HostKey PAD_2 = new HostKey("alpha", "pad-2");
    static final Instant T0 = TestClock.START;

    final TestClock clock = new TestClock();
    final HostRegistry registry = new HostRegistry(Fixtures.counting());
    final List<DrainDecided> told = new ArrayList<>();
    final Drains drains = new Drains(Fixtures.config(Path.of("members.yml"), null), registry, clock, told::add);

    @BeforeEach
    void alphaReports() {
        registry.accept(member("alpha"), report("alpha", T0, host("alpha", "pad-1", "pad", 1, 10),
                host("alpha", "pad-2", "pad", 1, 10)), T0);
    }

    @Test
    void aNewerDecisionFromAnotherBrokerIsTakenAndAnOlderOneIsNot() throws IOException {
        clock.advance(Duration.ofSeconds(10));
        drains.decide(PAD_1, true);

        List<DrainState> answer = drains.merge(List.of(new DrainState(PAD_1, false, T0.plusSeconds(5)),
                new DrainState(PAD_2, true, T0.plusSeconds(5))));

        assertThat(registry.isDrained(PAD_1)).as("ours is newer").isTrue();
        assertThat(registry.isDrained(PAD_2)).as("theirs is new").isTrue();
        assertThat(answer).containsExactlyInAnyOrder(new DrainState(PAD_1, true, T0.plusSeconds(10)),
                new DrainState(PAD_2, true, T0.plusSeconds(5)));

        drains.merge(List.of(new DrainState(PAD_1, false, T0.plusSeconds(11))));
        assertThat(registry.isDrained(PAD_1)).as("an undrain travels too").isFalse();
        assertThat(told).hasSize(1);
    }

    @Test
    void atTheSameInstantADrainWins() throws IOException {
        drains.merge(List.of(new DrainState(PAD_1, false, T0)));
        drains.merge(List.of(new DrainState(PAD_1, true, T0)));
        drains.merge(List.of(new DrainState(PAD_1, false, T0)));

        assertThat(registry.isDrained(PAD_1)).isTrue();
        assertThat(new DrainState(PAD_1, true, T0).supersedes(new DrainState(PAD_1, false, T0))).isTrue();
        assertThat(new DrainState(PAD_1, false, T0).supersedes(new DrainState(PAD_1, true, T0))).isFalse();
        assertThat(new DrainState(PAD_1, true, T0).supersedes(new DrainState(PAD_1, true, T0))).isFalse();
    }

    @Test
    void aCoordinatorsLatestWordWinsEvenOverADecisionFromAClockAhead() throws IOException {
        drains.merge(List.of(new DrainState(PAD_1, true, T0.plusSeconds(60))));

        DrainState undrain = drains.decide(PAD_1, false).orElseThrow();

        assertThat(undrain.changedAt()).isEqualTo(T0.plusSeconds(60).plusMillis(1));
        assertThat(registry.isDrained(PAD_1)).isFalse();
        assertThat(told).extracting(DrainDecided::decision).containsExactly(undrain);
    }

    @Test
    void aDecisionFromAClockFarAheadWaitsUntilOursCatchesUp() throws IOException {
        Instant farAhead = T0.plus(Duration.ofMinutes(6));
        drains.merge(List.of(new DrainState(PAD_1, true, farAhead)));
        assertThat(registry.isDrained(PAD_1)).isFalse();

        clock.advance(Duration.ofMinutes(1));
        drains.merge(List.of(new DrainState(PAD_1, true, farAhead)));
        assertThat(registry.isDrained(PAD_1)).isTrue();
    }

    @Test
    void aDecisionAboutAHostNotYetReportedWaitsForIt() throws IOException {
        HostKey later = new HostKey("beta", "pad-3");
        drains.merge(List.of(new DrainState(later, true, T0)));
        assertThat(drains.decide(later, false)).as("a coordinator acts on known hosts only").isEmpty();

        registry.accept(member("beta"), report("beta", T0, host("beta", "pad-3", "pad", 1, 10)), T0);

        assertThat(registry.isDrained(later)).isTrue();
    }

    @Test
    void oldDecisionsAboutGoneHostsAreForgottenAndNotTakenBack() throws IOException {
        drains.merge(List.of(new DrainState(new HostKey("beta", "gone"), true, T0)));
        clock.advance(Duration.ofHours(25));
        drains.forgetOld();
        assertThat(drains.states()).isEmpty();

        // Another broker that has not forgotten it yet offers it again: not taken.
        drains.merge(List.of(new DrainState(new HostKey("beta", "gone"), true, T0)));
        assertThat(drains.states()).isEmpty();
        // A known host's decision is kept however old.
        drains.merge(List.of(new DrainState(PAD_1, true, T0)));
        drains.forgetOld();
        assertThat(drains.states()).hasSize(1);
    }

    @Test
    void aDecisionReceivedIsCheckedBeforeItIsTaken() {
        assertThat(new DrainState("Alpha", "pad-1", true, T0).problem()).startsWith("member: 'Alpha'");
        assertThat(new DrainState("alpha", "pad 1", true, T0).problem()).startsWith("host: 'pad 1'");
        assertThat(new DrainState("alpha", "pad-1", true, null).problem()).startsWith("changedAt: required");
        assertThat(new DrainState("alpha", "pad-1", true, T0).problem()).isNull();
    }
}
