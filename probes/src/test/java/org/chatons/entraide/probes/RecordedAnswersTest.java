package org.chatons.entraide.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.probes.Samples.json;
import static org.chatons.entraide.probes.Samples.ok;

import java.net.URI;
import java.time.Duration;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;

/**
 * Each parser on the answers the real software gives (src/test/resources/samples, recorded from real versions),
 * and on the ways they go wrong. The agent's adapter tests serve the same answers over HTTP.
 */
class RecordedAnswersTest {

    @Test
    void etherpadHealthAndStats() {
        Measurement m = EtherpadAnswers.withStats(EtherpadAnswers.health(ok("etherpad-health.json")),
                ok("etherpad-stats.json"));
        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.activeUsers()).isEqualTo(4);
        assertThat(m.reason()).contains("Etherpad 2.5.3", "4 users on 2 pads");
    }

    @Test
    void etherpadHealthThatSaysFailOrWarn() {
        assertThat(EtherpadAnswers.health(json(200, "{\"status\":\"fail\"}")).status()).isEqualTo(HostStatus.DOWN);
        assertThat(EtherpadAnswers.health(json(200, "{\"status\":\"warn\"}")).status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(EtherpadAnswers.health(json(200, "<html>proxy error</html>")).status()).isEqualTo(HostStatus.DOWN);
    }

    @Test
    void jitsiStressLevelIsTheLoad() {
        Measurement m = JitsiAnswers.withStats(JitsiAnswers.health(json(200, "")), ok("jitsi-colibri-stats.json"));
        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.load()).isEqualTo(0.31);
        assertThat(m.activeUsers()).isEqualTo(42);
        assertThat(m.reason()).contains("stress 0.31", "42 participants in 7 conferences");
    }

    @Test
    void fullStatsCountFilesOrUrlsAndNoUsers() {
        assertThat(FullStatsAnswers.fullStats(ok("lufi-fullstats.json"), "Lufi", "files").reason()).contains("1234 files");
        assertThat(FullStatsAnswers.fullStats(ok("lstu-fullstats.json"), "Lstu", "urls").reason()).contains("5678 urls");
        assertThat(FullStatsAnswers.fullStats(ok("lufi-fullstats.json"), "Lstu", "urls").status())
                .isEqualTo(HostStatus.DEGRADED);
        assertThat(FullStatsAnswers.fullStats(ok("lufi-fullstats.json"), "Lufi", "files").activeUsers()).isNull();
    }

    @Test
    void mastodonInstance() {
        Measurement m = MastodonAnswers.withInstance(MastodonAnswers.health(json(200, "OK")), ok("mastodon-instance.json"));
        assertThat(m.acceptsNewUsers()).isTrue();
        assertThat(m.activeUsers()).isEqualTo(5210);
        assertThat(m.reason()).contains("Mastodon 4.3.2", "registrations open");
    }

    @Test
    void mobilizonGraphql() {
        Measurement m = MobilizonAnswers.graphql(ok("mobilizon-graphql.json"));
        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.acceptsNewUsers()).isTrue();
        assertThat(m.activeUsers()).isEqualTo(310);
    }

    @Test
    void nextcloudStatusAndServerinfo() {
        Measurement m = NextcloudAnswers.withServerInfo(NextcloudAnswers.status(ok("nextcloud-status.json")),
                ok("nextcloud-serverinfo.json"));
        assertThat(m.activeUsers()).isEqualTo(3);
        assertThat(m.load()).as("load averages are not a normalised load").isNull();
        assertThat(m.reason()).contains("Nextcloud 29.0.4", "3 users active", "cpu load 0.8");
        assertThat(NextcloudAnswers.withServerInfo(Measurement.up("x"), ok("nextcloud-serverinfo-na.json")).reason())
                .contains("cpu load N/A");
    }

    @Test
    void nextcloudMaintenanceAndUpgradeAreDownAndClosed() {
        Measurement maintenance = NextcloudAnswers.status(json(200, "{\"installed\":true,\"maintenance\":true,\"needsDbUpgrade\":false}"));
        Measurement upgrade = NextcloudAnswers.status(json(200, "{\"installed\":true,\"maintenance\":false,\"needsDbUpgrade\":true}"));
        Measurement fresh = NextcloudAnswers.status(json(200, "{\"installed\":false}"));

        assertThat(maintenance.status()).isEqualTo(HostStatus.DOWN);
        assertThat(maintenance.acceptsNewUsers()).isFalse();
        assertThat(maintenance.reason()).contains("maintenance");
        assertThat(upgrade.status()).isEqualTo(HostStatus.DOWN);
        assertThat(fresh.status()).isEqualTo(HostStatus.DOWN);
    }

    @Test
    void nodeinfoHighestSchemaOnTheProbedOrigin() throws Exception {
        URI document = NodeinfoAnswers.documentUrl(ok("nodeinfo-discovery.json"), URI.create("http://127.0.0.1:9/"));
        assertThat(document.toString()).startsWith("http://127.0.0.1:9/").endsWith("2.1.json");
        Measurement m = NodeinfoAnswers.document(ok("nodeinfo-2.1.json"));
        assertThat(m.acceptsNewUsers()).isTrue();
        assertThat(m.activeUsers()).isEqualTo(23);
        assertThat(m.reason()).contains("peertube 6.3.0", "NodeInfo 2.1");
    }

    @Test
    void peertubeConfigAndStats() {
        Measurement m = PeertubeAnswers.withStats(PeertubeAnswers.withConfig(PeertubeAnswers.ping(json(200, "pong")),
                ok("peertube-config.json")), ok("peertube-stats.json"));
        assertThat(m.acceptsNewUsers()).isTrue();
        assertThat(m.activeUsers()).isEqualTo(17);
        assertThat(m.reason()).contains("PeerTube 6.3.0", "sign-up open", "17 daily active users");
    }

    @Test
    void aPlainAnswerTakingMoreThanHalfTheTimeoutIsDegraded() {
        Answer slow = new Answer(200, "text/html", "", false, Duration.ofMillis(3200));
        Answer quick = new Answer(200, "text/html", "", false, Duration.ofMillis(40));

        assertThat(PlainAnswers.answer(slow, Duration.ofSeconds(5)).status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(PlainAnswers.answer(quick, Duration.ofSeconds(5)).status()).isEqualTo(HostStatus.UP);
    }
}
