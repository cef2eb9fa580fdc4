package org.chatons.entraide.broker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendsTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");

    @Test
    void aReportTakesInTheSendsBeforeItsCutoffAndCarriesOverEveryOtherOneAtAnyRate() {
        Sends sends = new Sends();
        for (int i = 0; i < 700; i++) {
            sends.add(T0.plusMillis(i * 10L));
        }
        // A flash crowd: ten thousand users in the last seconds before the report (a ring of 16 forgot all but 16).
        for (int i = 0; i < 10_000; i++) {
            sends.add(T0.plusSeconds(25).plusMillis(i / 2));
        }

        Sends.Split split = sends.split(T0.plusSeconds(25));

        assertThat(split.counted()).isEqualTo(700);
        assertThat(split.next().total()).isEqualTo(10_000);
        assertThat(sends.total() - split.counted()).isEqualTo(split.next().total());
    }

    @Test
    void theCutoffsOwnSecondIsCarriedOverRatherThanForgotten() {
        Sends sends = new Sends();
        sends.add(T0.plusMillis(24_999));
        sends.add(T0.plusMillis(25_001));
        sends.add(T0.plusMillis(25_999));

        Sends.Split split = sends.split(T0.plusMillis(25_500));

        // Second 24 is before the cutoff's second; second 25 straddles it and is kept whole.
        assertThat(split.counted()).isEqualTo(1);
        assertThat(split.next().total()).isEqualTo(2);
    }

    @Test
    void aSendThatReachesTheOldObjectAfterAReportGoesToItsSuccessor() {
        Sends sends = new Sends();
        sends.add(T0);
        Sends.Split split = sends.split(T0.plusSeconds(30));

        // A pick that chose the host from a snapshot taken before the report.
        sends.add(T0.plusSeconds(31));
        sends.add(T0.plusSeconds(32));

        assertThat(split.counted()).isEqualTo(1);
        assertThat(split.next().total()).isEqualTo(2);
        Sends.Split again = split.next().split(T0.plusSeconds(40));
        assertThat(again.counted()).isEqualTo(2);
        assertThat(again.next().total()).isZero();
        assertThatThrownBy(() -> sends.split(T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClockThatStepsBackAddsToTheLatestSecondSoTheSendIsCarriedOver() {
        Sends sends = new Sends();
        sends.add(T0.plusSeconds(30));
        sends.add(T0.plusSeconds(10));

        Sends.Split split = sends.split(T0.plusSeconds(20));

        assertThat(split.counted()).isZero();
        assertThat(split.next().total()).isEqualTo(2);
    }
}
