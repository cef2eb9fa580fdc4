package org.chatons.entraide.broker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;
import static org.chatons.entraide.broker.Fixtures.report;
import static org.chatons.entraide.broker.Fixtures.usersUnknown;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.members.MemberDirectory;
import org.junit.jupiter.api.Test;

class HostRegistryTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    final HostRegistry registry = new HostRegistry(Fixtures.counting());
    final Member alpha = member("alpha");

    @Test
    void aReportIsTheMembersCompleteListOfHosts() {
        registry.accept(alpha, report("alpha", T0, host("alpha", "pad-1", "pad", 1, 10),
                host("alpha", "pad-2", "pad", 1, 10)), T0);
        registry.accept(alpha, report("alpha", T0.plusSeconds(30), host("alpha", "pad-2", "pad", 1, 10)),
                T0.plusSeconds(30));

        assertThat(registry.hosts("pad")).extracting(t -> t.host().key().host()).containsExactly("pad-2");
        assertThat(registry.find(new HostKey("alpha", "pad-1"))).isEmpty();
    }

    @Test
    void aHostKeepsTheKeyObjectItWasFirstSeenWith() {
        registry.accept(alpha, report("alpha", T0, host("alpha", "pad-1", "pad", 1, 10)), T0);
        HostKey first = registry.hosts("pad").iterator().next().host().key();
        registry.accept(alpha, report("alpha", T0.plusSeconds(30), host("alpha", "pad-1", "pad", 2, 10)),
                T0.plusSeconds(30));

        // The same object, so the lookups by key on every pick find it without comparing strings.
        assertThat(registry.hosts("pad").iterator().next().host().key()).isSameAs(first);
        assertThat(registry.hosts("pad").iterator().next().host().activeUsers()).isEqualTo(2);
    }

    @Test
    void aHostThatChangesServiceLeavesTheOldOne() {
        registry.accept(alpha, report("alpha", T0, host("alpha", "h", "pad", 1, 10)), T0);
        long padVersion = registry.version("pad");
        registry.accept(alpha, report("alpha", T0.plusSeconds(1), host("alpha", "h", "calc", 1, 10)), T0);

        assertThat(registry.hosts("pad")).isEmpty();
        assertThat(registry.hosts("calc")).hasSize(1);
        assertThat(registry.version("pad")).isGreaterThan(padVersion);
    }

    @Test
    void aReplayedOrOlderReportIsRefusedAndChangesNothing() {
        registry.accept(alpha, report("alpha", T0, host("alpha", "pad-1", "pad", 1, 10)), T0);
        long version = registry.version("pad");

        assertThatThrownBy(() -> registry.accept(alpha, report("alpha", T0, host("alpha", "pad-9", "pad", 9, 10)), T0))
                .isInstanceOf(ReplayedReportException.class);
        assertThatThrownBy(() -> registry.checkNewer(alpha, T0.minusSeconds(1), T0))
                .isInstanceOf(ReplayedReportException.class);

        assertThat(registry.hosts("pad")).extracting(t -> t.host().key().host()).containsExactly("pad-1");
        assertThat(registry.version("pad")).isEqualTo(version);
    }

    @Test
    void drainingAKnownHostBumpsItsServicesVersionAndAHostNotSeenYetStaysDrainedForWhenItComes() {
        registry.accept(alpha, report("alpha", T0, host("alpha", "pad-1", "pad", 1, 10)), T0);
        long version = registry.version("pad");

        registry.replaceDrains(Set.of(new HostKey("alpha", "pad-9")));
        assertThat(registry.version("pad")).isEqualTo(version);
        registry.replaceDrains(Set.of(new HostKey("alpha", "pad-1"), new HostKey("alpha", "pad-9")));

        assertThat(registry.isDrained(new HostKey("alpha", "pad-1"))).isTrue();
        assertThat(registry.version("pad")).isGreaterThan(version);
        registry.replaceDrains(Set.of(new HostKey("alpha", "pad-9")));
        assertThat(registry.isDrained(new HostKey("alpha", "pad-1"))).isFalse();
        assertThat(registry.drained()).containsExactly(new HostKey("alpha", "pad-9"));
        registry.accept(alpha, report("alpha", T0.plusSeconds(1), host("alpha", "pad-9", "pad", 1, 10)), T0.plusSeconds(1));
        assertThat(registry.isDrained(new HostKey("alpha", "pad-9"))).isTrue();
    }

    @Test
    void usersSentJustBeforeAReportWasMeasuredStayCountedTheOthersAreInTheReport() {
        registry.accept(alpha, report("alpha", T0, host("alpha", "pad-1", "pad", 10, 100)), T0);
        TrackedHost before = registry.hosts("pad").iterator().next();
        before.sent(T0.plusSeconds(10));
        before.sent(T0.plusSeconds(24));
        before.sent(T0.plusSeconds(27));
        before.sent(T0.plusSeconds(31));
        assertThat(before.sentSinceReport()).isEqualTo(4);

        // Measured at +30 s, it arrives at +31 s: the users sent from +25 s on may not have joined when it was.
        Instant measured = T0.plusSeconds(30);
        registry.accept(alpha, report("alpha", measured, host("alpha", "pad-1", "pad", 12, 100)), measured);

        TrackedHost after = registry.hosts("pad").iterator().next();
        assertThat(Fixtures.counting().joinGrace(30)).isEqualTo(Duration.ofSeconds(5));
        assertThat(after.sentSinceReport()).isEqualTo(2);
        assertThat(after.estimatedLoad()).isCloseTo(0.14, within(1e-9));

        // And once more: a report a minute later has them all.
        registry.accept(alpha, report("alpha", T0.plusSeconds(90), host("alpha", "pad-1", "pad", 14, 100)),
                T0.plusSeconds(90));
        assertThat(registry.hosts("pad").iterator().next().sentSinceReport()).isZero();
    }

    @Test
    void aHostThatCountsNoUsersIsEstimatedFromTheUsersSentSinceItsReportOnly() {
        registry.accept(alpha, report("alpha", T0, usersUnknown(host("alpha", "drop", "drop", 0, 50))), T0);
        TrackedHost before = registry.hosts("drop").iterator().next();

        assertThat(before.host().activeUsers()).isNull();
        assertThat(before.host().loadKnown()).isFalse();
        assertThat(before.host().reportedLoad()).isNaN();
        assertThat(before.estimatedLoad()).isZero();
        before.sent(T0.plusSeconds(10));
        before.sent(T0.plusSeconds(28));
        assertThat(before.estimatedLoad()).isCloseTo(0.04, within(1e-9));

        // The next report says nothing of those users either: as for any host, the late one is carried over.
        Instant measured = T0.plusSeconds(30);
        registry.accept(alpha, report("alpha", measured, usersUnknown(host("alpha", "drop", "drop", 0, 50))), measured);
        assertThat(registry.hosts("drop").iterator().next().estimatedLoad()).isCloseTo(0.02, within(1e-9));
    }

    @Test
    void aReloadedMembersFileReachesTheHostsAtOnceKeepingTheUsersSent() {
        Member beta = member("beta");
        registry.accept(alpha, report("alpha", T0, host("alpha", "pad-1", "pad", 10, 100)), T0);
        registry.accept(beta, report("beta", T0, host("beta", "pad-2", "pad", 10, 100),
                host("beta", "calc-1", "calc", 10, 100)), T0);
        TrackedHost tracked = registry.find(new HostKey("alpha", "pad-1")).orElseThrow();
        tracked.sent(T0.plusSeconds(1));
        tracked.sent(T0.plusSeconds(2));
        long pad = registry.version("pad");
        long calc = registry.version("calc");

        // gamma is known from elsewhere (not from the members file): a new file says nothing about it.
        registry.accept(member("gamma"), report("gamma", T0, host("gamma", "pad-3", "pad", 10, 100)), T0);
        MemberDirectory before = new MemberDirectory(List.of(alpha, beta));
        Member renewed = member("alpha", LocalDate.parse("2028-06-30"));
        MemberDirectory after = new MemberDirectory(List.of(renewed));
        registry.applyMembers(before, after);

        TrackedHost renewedHost = registry.find(new HostKey("alpha", "pad-1")).orElseThrow();
        assertThat(renewedHost.host().member()).isEqualTo(renewed);
        assertThat(renewedHost.sentSinceReport()).isEqualTo(2);
        // A user sent through the object a pick still held counts on the new one too.
        tracked.sent(T0.plusSeconds(3));
        assertThat(renewedHost.sentSinceReport()).isEqualTo(3);
        assertThat(registry.hosts("pad")).extracting(t -> t.host().key().toString())
                .containsExactlyInAnyOrder("alpha/pad-1", "gamma/pad-3");
        assertThat(registry.hosts("calc")).isEmpty();
        assertThat(registry.find(new HostKey("beta", "pad-2"))).isEmpty();
        assertThat(registry.version("pad")).isGreaterThan(pad);
        assertThat(registry.version("calc")).isGreaterThan(calc);

        // Nothing changed: nothing moves.
        long again = registry.version("pad");
        registry.applyMembers(after, after);
        assertThat(registry.find(new HostKey("alpha", "pad-1")).orElseThrow()).isSameAs(renewedHost);
        assertThat(registry.version("pad")).isEqualTo(again);
        // beta back in the file: its agent's next report brings its hosts back.
        registry.applyMembers(after, new MemberDirectory(List.of(renewed, beta)));
        registry.accept(beta, report("beta", T0.plusSeconds(30), host("beta", "pad-2", "pad", 10, 100)),
                T0.plusSeconds(30));
        assertThat(registry.hosts("pad")).hasSize(3);
    }

    @Test
    void silentHostsAreForgottenButTheirMemberStillCannotReplay() {
        registry.accept(alpha, report("alpha", T0, host("alpha", "pad-1", "pad", 1, 10)), T0);

        assertThat(registry.forgetObservedBefore(T0)).isZero();
        assertThat(registry.forgetObservedBefore(T0.plusSeconds(1))).isEqualTo(1);

        assertThat(registry.hosts("pad")).isEmpty();
        assertThatThrownBy(() -> registry.checkNewer(alpha, T0, T0.plusSeconds(60))).isInstanceOf(ReplayedReportException.class);
    }
}
