package org.chatons.entraide.broker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.members.MemberDirectory;
import org.chatons.entraide.protocol.HostReport;
import org.junit.jupiter.api.Test;

class MemberListsTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    final HostTable table = new HostTable();
    final MemberLists lists = new MemberLists(table, new SentSince(Fixtures.counting()));
    final Member alpha = member("alpha");

    void install(Instant at, HostReport... hosts) {
        lists.update("alpha", previous -> lists.replace(alpha, previous, List.of(hosts), at, at, 30, Source.AGENT,
                ReportOrder.NONE, new ArrayList<>()));
    }

    @Test
    void aListReplacesTheMembersHostsAndBumpsEveryServiceItTouches() {
        install(T0, host("alpha", "pad-1", "pad", 1, 10), host("alpha", "calc-1", "calc", 1, 10));
        long calc = table.version("calc");
        install(T0.plusSeconds(30), host("alpha", "pad-1", "pad", 2, 10));

        assertThat(lists.state("alpha").serviceOfHost()).isEqualTo(Map.of(new HostKey("alpha", "pad-1"), "pad"));
        assertThat(lists.find(new HostKey("alpha", "pad-1")).host().activeUsers()).isEqualTo(2);
        assertThat(lists.find(new HostKey("alpha", "calc-1"))).isNull();
        assertThat(table.hosts("calc")).isEmpty();
        assertThat(table.version("calc")).isGreaterThan(calc);
    }

    @Test
    void aHostIsNeverMeasuredAfterItsListWasSentNorAfterItArrived() {
        HostReport h = host("alpha", "pad-1", "pad", 1, 10);
        HostReport given = new HostReport(h.id(), h.service(), h.software(), h.url(), h.status(), h.acceptsNewUsers(),
                h.activeUsers(), h.capacityUsers(), h.load(), h.detail(), T0.plusSeconds(60));
        Instant arrived = T0.minusSeconds(5);
        lists.update("alpha", previous -> lists.replace(alpha, previous, List.of(given), T0, arrived, 30,
                Source.AGENT, ReportOrder.NONE, new ArrayList<>()));

        assertThat(lists.find(new HostKey("alpha", "pad-1")).host().observedAt()).isEqualTo(arrived);
    }

    @Test
    void forgettingTakesOnlyHostsMeasuredBeforeTheCutoff() {
        install(T0, host("alpha", "pad-1", "pad", 1, 10));

        assertThat(lists.forgetObservedBefore(T0)).isZero();
        assertThat(lists.forgetObservedBefore(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(lists.find(new HostKey("alpha", "pad-1"))).isNull();
        assertThat(lists.state("alpha").serviceOfHost()).isEmpty();
    }

    @Test
    void aMemberLeavingTheFileTakesItsHostsWithIt() {
        install(T0, host("alpha", "pad-1", "pad", 1, 10));
        lists.applyMembers(new MemberDirectory(List.of(alpha)), new MemberDirectory(List.of()));

        assertThat(table.hosts("pad")).isEmpty();
        assertThat(lists.state("alpha").serviceOfHost()).isEmpty();
    }
}
