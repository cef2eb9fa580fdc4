package org.chatons.entraide.broker.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendsTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    /** No one leaves: every send counts in full, as before the learned stay. */
    static final double FOREVER = Double.POSITIVE_INFINITY;

    /** A report measured at {@code cutoff}, with no cap on the sends it counts. */
    static Sends.Split split(Sends sends, Instant cutoff, double staySeconds) {
        return sends.split(cutoff, staySeconds, Double.MAX_VALUE, cutoff, FOREVER);
    }

    @Test
    void theSendsAReportCountsStillThereAreEachCountedByTheirAgeAtTheMeasurement() {
        Sends sends = new Sends();
        sends.add(T0, FOREVER);
        sends.add(T0.plusSeconds(10), FOREVER);
        sends.add(T0.plusSeconds(29), FOREVER);

        // Measured at +30 s, cut off at +25 s: the first two are counted, aged 29.5 s and 19.5 s then (each as of
        // the middle of its second).
        Sends.Split split = sends.split(T0.plusSeconds(25), FOREVER, Double.MAX_VALUE, T0.plusSeconds(30), 10);

        assertThat(split.counted()).isEqualTo(2);
        assertThat(split.countedStillThere()).isCloseTo(Math.exp(-2.95) + Math.exp(-1.95), within(1e-9));
    }

    @Test
    void aReportTakesInTheSendsBeforeItsCutoffAndCarriesOverEveryOtherOneAtAnyRate() {
        Sends sends = new Sends();
        for (int i = 0; i < 700; i++) {
            sends.add(T0.plusMillis(i * 10L), FOREVER);
        }
        // A flash crowd: ten thousand users in the last seconds before the report (a ring of 16 forgot all but 16).
        for (int i = 0; i < 10_000; i++) {
            sends.add(T0.plusSeconds(25).plusMillis(i / 2), FOREVER);
        }

        Sends.Split split = split(sends, T0.plusSeconds(25), FOREVER);

        assertThat(split.counted()).isEqualTo(700);
        assertThat(split.next().total()).isEqualTo(10_000);
        assertThat(sends.total() - split.counted()).isEqualTo(split.next().total());
    }

    @Test
    void theCutoffsOwnSecondIsCarriedOverRatherThanForgotten() {
        Sends sends = new Sends();
        sends.add(T0.plusMillis(24_999), FOREVER);
        sends.add(T0.plusMillis(25_001), FOREVER);
        sends.add(T0.plusMillis(25_999), FOREVER);

        Sends.Split split = split(sends, T0.plusMillis(25_500), FOREVER);

        // Second 24 is before the cutoff's second; second 25 straddles it and is kept whole.
        assertThat(split.counted()).isEqualTo(1);
        assertThat(split.next().total()).isEqualTo(2);
    }

    @Test
    void aSendThatReachesTheOldObjectAfterAReportGoesToItsSuccessor() {
        Sends sends = new Sends();
        sends.add(T0, FOREVER);
        Sends.Split split = split(sends, T0.plusSeconds(30), FOREVER);

        // A pick that chose the host from a snapshot taken before the report.
        sends.add(T0.plusSeconds(31), FOREVER);
        sends.add(T0.plusSeconds(32), FOREVER);

        assertThat(split.counted()).isEqualTo(1);
        assertThat(split.next().total()).isEqualTo(2);
        Sends.Split again = split(split.next(), T0.plusSeconds(40), FOREVER);
        assertThat(again.counted()).isEqualTo(2);
        assertThat(again.next().total()).isZero();
        assertThatThrownBy(() -> split(sends, T0, FOREVER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClockThatStepsBackAddsToTheLatestSecondSoTheSendIsCarriedOver() {
        Sends sends = new Sends();
        sends.add(T0.plusSeconds(30), FOREVER);
        sends.add(T0.plusSeconds(10), FOREVER);

        Sends.Split split = split(sends, T0.plusSeconds(20), FOREVER);

        assertThat(split.counted()).isZero();
        assertThat(split.next().total()).isEqualTo(2);
    }

    @Test
    void aUserSentCountsAsLikelyStillThereAsTheStaySays() {
        Sends sends = sentAt(T0, 10, 60);
        sends.add(T0.plusSeconds(60), 60);

        // Ten sent a stay ago are each still there with probability 1/e, the last one surely.
        assertThat(sends.present()).isCloseTo(10 * Math.exp(-1) + 1, within(1e-9));
        assertThat(sends.present(T0.plusSeconds(120).toEpochMilli(), 60))
                .isCloseTo((10 * Math.exp(-1) + 1) * Math.exp(-1), within(1e-9));
        // Read before the latest send, the value is the latest one: it never grows back.
        assertThat(sends.present(T0.toEpochMilli(), 60)).isCloseTo(10 * Math.exp(-1) + 1, within(1e-9));
        assertThat(sends.total()).isEqualTo(11);
    }

    @Test
    void theSendsCarriedOverKeepTheirAgeAndForeverCountsEveryOneInFull() {
        Sends sends = new Sends();
        sends.add(T0, 30);
        sends.add(T0.plusSeconds(30), 30);
        sends.add(T0.plusSeconds(60), 30);

        Sends.Split split = split(sends, T0.plusSeconds(30), 30);

        // Carried over: the sends of seconds 30 and 60, as of the latest, each counted from the middle of its second
        // (the latest second's, not older than the latest send, in full).
        assertThat(split.next().present()).isCloseTo(Math.exp(-29.5 / 30) + 1, within(1e-9));
        Sends whole = new Sends();
        whole.add(T0, FOREVER);
        whole.add(T0.plusSeconds(3600), FOREVER);
        assertThat(whole.present(T0.plusSeconds(7200).toEpochMilli(), FOREVER)).isEqualTo(2);
    }

    @Test
    void theSendsAReportCountsAreCarriedFromReportToReportLeavingAsTheStaySaysAndAtMostTheReportsUsers() {
        Sends sends = sentAt(T0, 10, 30);
        sends.add(T0.plusSeconds(40), 30);

        // The ten of second 0 are in the report cut at 30 s (counted from the middle of their second); the one of
        // second 40 is not, and is counted once the next report takes it in.
        Sends first = split(sends, T0.plusSeconds(30), 30).next();
        assertThat(first.reported(T0.plusSeconds(30).toEpochMilli(), 30)).isCloseTo(10 * Math.exp(-29.5 / 30),
                within(1e-9));
        Sends second = split(first, T0.plusSeconds(60), 30).next();
        assertThat(second.reported(T0.plusSeconds(90).toEpochMilli(), 30))
                .isCloseTo(10 * Math.exp(-89.5 / 30) + Math.exp(-49.5 / 30), within(1e-9));
        // A report that shows fewer users than this broker sent caps what it can count of them.
        Sends capped = second.split(T0.plusSeconds(60), 30, 0.5, T0.plusSeconds(60), FOREVER).next();
        assertThat(capped.reported(T0.plusSeconds(60).toEpochMilli(), 30)).isEqualTo(0.5);
        assertThat(new Sends().reported(T0.toEpochMilli(), 30)).isZero();
    }

    /** {@code count} users sent at {@code at}, people staying {@code staySeconds} on average. */
    private static Sends sentAt(Instant at, int count, double staySeconds) {
        Sends sends = new Sends();
        for (int i = 0; i < count; i++) {
            sends.add(at, staySeconds);
        }
        return sends;
    }
}
