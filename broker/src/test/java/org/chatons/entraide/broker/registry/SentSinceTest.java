package org.chatons.entraide.broker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chatons.entraide.broker.Fixtures;
import org.junit.jupiter.api.Test;

class SentSinceTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    final SentSince sent = new SentSince(Fixtures.counting());
    final HostKey key = new HostKey("alpha", "pad-1");

    Host measured(Instant at, int users) {
        return new Host(key, member("alpha"), host("alpha", "pad-1", "pad", users, 100), at, 30);
    }

    @Test
    void aHostFirstSeenStartsWithNoUserSentAndTheServicesWeight() {
        List<SentSince.Learned> learned = new ArrayList<>();
        TrackedHost first = sent.carry(null, measured(T0, 10), learned);

        assertThat(first.sentSinceReport()).isZero();
        assertThat(first.sends()).isNotNull();
        assertThat(learned).isEmpty();
        assertThat(sent.redirectWeight("pad")).isEqualTo(1);
        assertThat(sent.weight("pad")).isSameAs(sent.weight("pad"));
    }

    @Test
    void aNewReportKeepsOnlyTheUsersSentWithinTheJoinGraceAndGivesEvidence() {
        TrackedHost before = sent.carry(null, measured(T0, 10), new ArrayList<>());
        before.sent(T0.plusSeconds(10));
        before.sent(T0.plusSeconds(26));

        // The grace of a 30 s interval is 5 s: the user sent at +26 s may not have joined by +30 s.
        List<SentSince.Learned> learned = new ArrayList<>();
        TrackedHost after = sent.carry(before, measured(T0.plusSeconds(30), 11), learned);

        assertThat(after.sentSinceReport()).isEqualTo(1);
        assertThat(learned).singleElement().satisfies(l -> {
            assertThat(l.key()).isEqualTo(key);
            assertThat(l.weight()).isSameAs(sent.weight("pad"));
        });
    }

    @Test
    void aReportNoNewerThanTheLastTeachesNothing() {
        TrackedHost before = sent.carry(null, measured(T0, 10), new ArrayList<>());
        List<SentSince.Learned> learned = new ArrayList<>();
        sent.carry(before, measured(T0, 12), learned);
        assertThat(learned).isEmpty();
    }
}
