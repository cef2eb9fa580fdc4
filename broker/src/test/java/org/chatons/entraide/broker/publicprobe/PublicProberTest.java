package org.chatons.entraide.broker.publicprobe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.chatonsinfos.Site.Page;
import org.chatons.entraide.broker.chatonsinfos.Site;
import org.chatons.entraide.broker.publicprobe.PublicProber.Probed;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Softwares;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The public probes against stand-ins that answer like the real software does without a password: one request a
 * probe, the size and time limits, the circuit breaker, the User-Agent.
 */
class PublicProberTest {

    private final Site site = new Site();
    private final TestClock clock = new TestClock();
    /** Long enough that a local stand-in never times out nor counts as slow (half of it) on a busy machine. */
    private final PublicProbeConfig config = config(Duration.ofSeconds(20));
    // The public probes of softwares that show each shape: a JSON document, NodeInfo, a plain GET.
    static final Softwares SOFTWARES = Softwares.load();
    static final PublicProbe ETHERPAD = SOFTWARES.named("etherpad").orElseThrow().publicProbe();
    static final PublicProbe NEXTCLOUD = SOFTWARES.named("nextcloud").orElseThrow().publicProbe();
    static final PublicProbe NODEINFO = SOFTWARES.named("peertube").orElseThrow().publicProbe();
    static final PublicProbe HEDGEDOC = SOFTWARES.named("hedgedoc").orElseThrow().publicProbe();
    static final PublicProbe PLAIN = SOFTWARES.named("framadate").orElseThrow().publicProbe();

    private final PublicProber prober = new PublicProber(config, clock);

    static PublicProbeConfig config(Duration timeout) {
        return new PublicProbeConfig(Duration.ofSeconds(60), timeout, 2048, 4,
                "Entraide-broker/test (+https://entraide.example/)", 3, Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() {
        prober.close();
        site.close();
    }

    URI url(String path) {
        return URI.create(site.origin() + path);
    }

    @Test
    void etherpadIsReadFromStatsAlone() {
        site.put("/pad/stats", Page.json("{\"totalUsers\":14,\"activePads\":5,\"memoryUsage\":187342848,"
                + "\"memoryUsageHeap\":92341232,\"connects\":{\"mean\":0.01,\"count\":331,\"currentRate\":0}}"));
        Probed probed = prober.probe(url("/pad/"), ETHERPAD);
        assertThat(probed.measurement().status()).isEqualTo(HostStatus.UP);
        assertThat(probed.measurement().activeUsers()).isEqualTo(14);
        assertThat(probed.at()).isEqualTo(clock.instant());
        assertThat(site.requests()).extracting(Site.Request::path).containsExactly("/pad/stats");
    }

    @Test
    void nextcloudInMaintenanceIsDownAndClosed() {
        String status = "{\"installed\":true,\"maintenance\":%s,\"needsDbUpgrade\":false,\"version\":\"30.0.2.2\","
                + "\"versionstring\":\"30.0.2\",\"edition\":\"\",\"productname\":\"Nextcloud\",\"extendedSupport\":false}";
        site.put("/status.php", Page.json(status.formatted("false")));
        assertThat(prober.probe(url("/"), NEXTCLOUD).measurement().status()).isEqualTo(HostStatus.UP);
        site.put("/status.php", Page.json(status.formatted("true")));
        Probed down = prober.probe(url("/"), NEXTCLOUD);
        assertThat(down.measurement().status()).isEqualTo(HostStatus.DOWN);
        assertThat(down.measurement().acceptsNewUsers()).isFalse();
        assertThat(down.measurement().reason()).contains("maintenance");
    }

    @Test
    void nodeinfoDiscoveryIsAskedOnceThenOneRequestAProbe() {
        site.put("/.well-known/nodeinfo", Page.json("{\"links\":[{\"rel\":\"http://nodeinfo.diaspora.software/ns/"
                + "schema/2.0\",\"href\":\"https://elsewhere.example/nodeinfo/2.0.json\"}]}"));
        site.put("/nodeinfo/2.0.json", Page.json("{\"version\":\"2.0\",\"software\":{\"name\":\"peertube\","
                + "\"version\":\"7.1.0\"},\"protocols\":[\"activitypub\"],\"services\":{\"inbound\":[],\"outbound\":[]},"
                + "\"openRegistrations\":false,\"usage\":{\"users\":{\"total\":412,\"activeMonth\":57}},"
                + "\"metadata\":{\"nodeName\":\"Vidéos\"}}"));
        for (int i = 0; i < 3; i++) {
            Probed probed = prober.probe(url("/"), NODEINFO);
            assertThat(probed.measurement().status()).isEqualTo(HostStatus.UP);
            assertThat(probed.measurement().acceptsNewUsers()).isFalse();
        }
        assertThat(site.requestsTo("/.well-known/nodeinfo")).isEqualTo(1);
        assertThat(site.requestsTo("/nodeinfo/2.0.json")).isEqualTo(3);
    }

    @Test
    void hedgedocStatusCountsTheUsersOnline() {
        site.put("/notes/status", Page.json("{\"onlineNotes\":3,\"onlineUsers\":5,\"distinctOnlineUsers\":4,"
                + "\"notesCount\":1203,\"registeredUsers\":88,\"isConnectionBusy\":false}"));
        assertThat(prober.probe(url("/notes"), HEDGEDOC).measurement().activeUsers()).isEqualTo(4);
        assertThat(site.requests()).extracting(Site.Request::path).containsExactly("/notes/status");
    }

    @Test
    void aPlainCheckIsTheAnswersStatusNoRedirectFollowed() {
        site.put("/poll/", Page.text("<html>Framadate</html>"));
        site.put("/login/", Page.redirect("/elsewhere/"));
        site.put("/broken/", Page.status(502));
        assertThat(prober.probe(url("/poll/"), PLAIN).measurement().status()).isEqualTo(HostStatus.UP);
        assertThat(prober.probe(url("/login/"), PLAIN).measurement().status()).isEqualTo(HostStatus.UP);
        assertThat(prober.probe(url("/broken/"), PLAIN).measurement().status()).isEqualTo(HostStatus.DOWN);
        assertThat(site.requestsTo("/elsewhere/")).isZero();
    }

    @Test
    void slowAndHugeAnswersAreDownWithTheirReason() {
        site.put("/slow/stats", Page.json("{\"totalUsers\":1}").after(Duration.ofSeconds(3)));
        site.put("/huge/stats", Page.json("{\"totalUsers\":1,\"pad\":\"" + "x".repeat(10_000) + "\"}"));
        try (PublicProber impatient = new PublicProber(config(Duration.ofMillis(700)), clock)) {
            Probed slow = impatient.probe(url("/slow/"), ETHERPAD);
            assertThat(slow.measurement().status()).isEqualTo(HostStatus.DOWN);
            assertThat(slow.measurement().reason()).contains("no answer within");
        }
        Probed huge = prober.probe(url("/huge/"), ETHERPAD);
        assertThat(huge.measurement().status()).isEqualTo(HostStatus.DOWN);
        assertThat(huge.measurement().reason()).contains("larger than 2 KiB");
        URI closed = URI.create("http://127.0.0.1:1/");
        assertThat(prober.probe(closed, PLAIN).measurement().status()).isEqualTo(HostStatus.DOWN);
    }

    @Test
    void aHostThatKeepsFailingIsLeftAloneThenTriedOnce() {
        site.put("/dead/", Page.status(503));
        for (int i = 0; i < 3; i++) {
            assertThat(prober.probe(url("/dead/"), PLAIN).skipped()).isFalse();
        }
        Probed skipped = prober.probe(url("/dead/"), PLAIN);
        assertThat(skipped.skipped()).isTrue();
        assertThat(skipped.measurement().status()).isEqualTo(HostStatus.DOWN);
        assertThat(site.requestsTo("/dead/")).isEqualTo(3);

        clock.advance(Duration.ofMinutes(11));
        site.put("/dead/", Page.text("back"));
        Probed trial = prober.probe(url("/dead/"), PLAIN);
        assertThat(trial.skipped()).isFalse();
        assertThat(trial.measurement().status()).isEqualTo(HostStatus.UP);
        assertThat(prober.probe(url("/dead/"), PLAIN).skipped()).isFalse();
        assertThat(site.requestsTo("/dead/")).isEqualTo(5);
    }

    @Test
    void everyProbeNamesEntraideAndItsUrl() {
        site.put("/", Page.text("hello"));
        prober.probe(url("/"), PLAIN);
        assertThat(site.requests()).singleElement().extracting(Site.Request::userAgent)
                .isEqualTo("Entraide-broker/test (+https://entraide.example/)");
    }
}
