package org.chatons.entraide.broker.chatonsinfos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.chatonsinfos.DeclaredView.DeclaredMember;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.publicprobe.PublicProber.Probed;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.Source;
import org.chatons.entraide.broker.registry.TrackedHost;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Softwares;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;

/** The seam between ChatonsInfos and the live view: what a declared host reports, and who owns a member's hosts. */
class DeclaredHostsFeedTest {

    static final PublicProbe ETHERPAD = Softwares.load().named("etherpad").orElseThrow().publicProbe();
    static final PublicProbe NODEINFO = Softwares.load().named("mastodon").orElseThrow().publicProbe();
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    final HostRegistry registry = new HostRegistry(Fixtures.counting());
    final DeclaredHostsFeed feed = new DeclaredHostsFeed(registry, 50, 60);
    final Member alpha = Fixtures.member("alpha");

    static DeclaredHost host(Member member, String id, PublicProbe kind, boolean accountNeeded, boolean full,
                             HostStatus declared) {
        return new DeclaredHost(member, id, "pad", "Etherpad", URI.create("https://" + id + ".alpha.example.org/"),
                kind, accountNeeded, full, declared, declared == HostStatus.UP ? "OK" : "ERROR",
                URI.create("https://alpha.example.org/" + id + ".properties"));
    }

    static DeclaredView view(Member member, DeclaredHost... hosts) {
        return new DeclaredView(URI.create("https://fed.example/f.properties"), "F", NOW,
                List.of(new DeclaredMember(member, URI.create("https://alpha.example.org/o.properties"), true)),
                List.of(hosts), List.of(), 1, 0, 0, 1);
    }

    @Test
    void onlyAnUpProbeOfAnUpDeclarationIsUp() {
        Measurement up = Measurement.up("Etherpad answers /stats").withUsers(7);
        DeclaredHost ok = host(alpha, "pad", ETHERPAD, false, false, HostStatus.UP);
        HostReport r = DeclaredHostsFeed.report(ok, up, NOW, 50);
        assertThat(r.status()).isEqualTo(HostStatus.UP);
        assertThat(r.activeUsers()).isEqualTo(7);
        assertThat(r.capacityUsers()).isEqualTo(50);
        assertThat(r.acceptsNewUsers()).isTrue();
        assertThat(r.measuredAt()).isEqualTo(NOW);
        assertThat(r.detail()).startsWith("declared in ChatonsInfos, OK; public probe: up");
        assertThat(DeclaredHostsFeed.report(ok, null, NOW, 50).status()).isEqualTo(HostStatus.DOWN);
        assertThat(DeclaredHostsFeed.report(ok, Measurement.degraded("slow"), NOW, 50).status())
                .isEqualTo(HostStatus.DOWN);
        assertThat(DeclaredHostsFeed.report(host(alpha, "p", ETHERPAD, false, false, HostStatus.DOWN), up,
                NOW, 50).status()).isEqualTo(HostStatus.DOWN);
    }

    @Test
    void fullOrClosedRegistrationsTakeNoNewUsers() {
        Measurement closed = Measurement.up("NodeInfo").withAccepting(false).withUsers(300);
        assertThat(DeclaredHostsFeed.report(host(alpha, "a", ETHERPAD, false, true, HostStatus.UP),
                Measurement.up("x"), NOW, 50).acceptsNewUsers()).isFalse();
        HostReport account = DeclaredHostsFeed.report(host(alpha, "b", NODEINFO, true, false, HostStatus.UP),
                closed, NOW, 50);
        assertThat(account.acceptsNewUsers()).isFalse();
        assertThat(account.activeUsers()).as("monthly users are no load").isNull();
        // A service that needs no account stays open whatever the software says of accounts.
        assertThat(DeclaredHostsFeed.report(host(alpha, "c", NODEINFO, false, false, HostStatus.UP), closed,
                NOW, 50).acceptsNewUsers()).isTrue();
    }

    @Test
    void declaredHostsEnterTheRegistryWithTheirSourceAndLeaveWithTheirMember() {
        DeclaredHost pad = host(alpha, "pad", ETHERPAD, false, false, HostStatus.UP);
        DeclaredHost other = host(alpha, "other", ETHERPAD, false, false, HostStatus.UP);
        feed.feed(view(alpha, pad, other), h -> Optional.of(new Probed(Measurement.up("ok").withUsers(5),
                NOW.minusSeconds(h.id().equals("pad") ? 3 : 40), false)), NOW);
        TrackedHost tracked = registry.find(new HostKey("alpha", "pad")).orElseThrow();
        assertThat(tracked.host().source()).isEqualTo(Source.CHATONSINFOS);
        assertThat(tracked.host().observedAt()).as("as old as its own probe").isEqualTo(NOW.minusSeconds(3));
        assertThat(registry.find(new HostKey("alpha", "other")).orElseThrow().host().observedAt())
                .isEqualTo(NOW.minusSeconds(40));
        assertThat(tracked.host().intervalSeconds()).isEqualTo(60);

        feed.feed(DeclaredView.empty(), h -> Optional.empty(), NOW.plusSeconds(60));
        assertThat(registry.find(new HostKey("alpha", "pad"))).isEmpty();
    }

    @Test
    void anAgentsReportReplacesTheDeclaredHostsAndKeepsThem() {
        DeclaredHost pad = host(alpha, "pad", ETHERPAD, false, false, HostStatus.UP);
        feed.feed(view(alpha, pad), h -> Optional.empty(), NOW);
        registry.accept(alpha, Fixtures.report("alpha", NOW.plusSeconds(1), Fixtures.host("alpha", "pad-1", "pad", 3, 100)),
                NOW.plusSeconds(1));
        assertThat(registry.find(new HostKey("alpha", "pad"))).isEmpty();
        assertThat(registry.find(new HostKey("alpha", "pad-1")).orElseThrow().host().source()).isEqualTo(Source.AGENT);

        feed.feed(view(alpha, pad), h -> Optional.empty(), NOW.plusSeconds(60));
        assertThat(registry.find(new HostKey("alpha", "pad"))).isEmpty();
        assertThat(registry.find(new HostKey("alpha", "pad-1"))).isPresent();

        // Declared hosts come back once the agent's hosts are forgotten.
        registry.forgetObservedBefore(NOW.plusSeconds(3600));
        feed.feed(view(alpha, pad), h -> Optional.empty(), NOW.plusSeconds(3600));
        assertThat(registry.find(new HostKey("alpha", "pad"))).isPresent();
    }

    @Test
    void declaredHostsNeverMakeAnAgentsReportAReplay() {
        feed.feed(view(alpha, host(alpha, "pad", ETHERPAD, false, false, HostStatus.UP)),
                h -> Optional.empty(), NOW);
        // The agent's clock is behind the broker's: its report is still its first, not a replay.
        registry.checkNewer(alpha, NOW.minusSeconds(120), NOW);
        registry.accept(alpha, Fixtures.report("alpha", NOW.minusSeconds(120), Fixtures.host("alpha", "p", "pad", 1, 10)),
                NOW.minusSeconds(120));
        assertThat(registry.hosts("pad")).extracting(t -> t.host().key().host()).containsExactly("p");
    }
}
