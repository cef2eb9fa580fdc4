package org.chatons.entraide.agent.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chatons.entraide.agent.adapters.ProbeResult;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.agent.config.SecretRef;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;
import org.chatons.entraide.protocol.WireRules;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    static final HostConfig PAD = new HostConfig("pad-1", "pad", "etherpad", URI.create("https://pad.alpha.example.org/"),
            URI.create("http://127.0.0.1:9001/"), 200, null, null);
    static final HostConfig CLOUD = new HostConfig("cloud", "drive", "nextcloud", URI.create("https://cloud.alpha.example.org/"),
            URI.create("https://cloud.alpha.example.org/"), 500, null, false);

    static AgentConfig config(HostConfig... hosts) {
        return new AgentConfig(Path.of("probe-agent.yml"), "alpha", new SecretRef(true, "T", "token-env", 2),
                List.of(URI.create("https://b.example.org")), Duration.ofSeconds(30), Duration.ofSeconds(5), 0, List.of(hosts));
    }

    static final Instant NOW = Instant.parse("2026-11-23T18:00:00.123456Z");
    final Clock frozen = Clock.fixed(NOW, ZoneOffset.UTC);

    static ProbeResult probe(String host, Measurement measurement, Instant startedAt) {
        return new ProbeResult(host, "etherpad", measurement, Duration.ofMillis(40), startedAt);
    }

    @Test
    void everyHostWithItsPublicUrlTheMembersCapacityAndWhenItWasMeasured() {
        Instant padProbe = NOW.minusMillis(2500);
        Instant cloudProbe = NOW.minusSeconds(9);
        Report report = new ReportBuilder(config(PAD, CLOUD), frozen).build(Map.of(
                "pad-1", probe("pad-1", Measurement.up("Etherpad healthy").withUsers(42), padProbe),
                "cloud", probe("cloud", Measurement.up("Nextcloud healthy").withUsers(3).withAccepting(true), cloudProbe)),
                Set.of());

        assertThat(report.member()).isEqualTo("alpha");
        assertThat(report.intervalSeconds()).isEqualTo(30);
        assertThat(report.sentAt()).isEqualTo(Instant.parse("2026-11-23T18:00:00.123Z"));
        assertThat(report.hosts()).containsExactly(
                new HostReport("pad-1", "pad", "etherpad", "https://pad.alpha.example.org/", HostStatus.UP, true, 42, 200,
                        null, "Etherpad healthy", Instant.parse("2026-11-23T17:59:57.623Z"), null,
                        Instant.parse("2026-11-23T17:59:57.623Z")),
                new HostReport("cloud", "drive", "nextcloud", "https://cloud.alpha.example.org/", HostStatus.UP, false, 3,
                        500, null, "Nextcloud healthy", Instant.parse("2026-11-23T17:59:51.123Z")));
    }

    @Test
    void aHostIsNeverMeasuredAfterItsReportIsSentEvenWhenTheClockWentBack() {
        Report report = new ReportBuilder(config(PAD), frozen)
                .build(Map.of("pad-1", probe("pad-1", Measurement.up("ok"), NOW.plusSeconds(40))), Set.of());

        assertThat(report.hosts().get(0).measuredAt()).isEqualTo(report.sentAt());
        assertThat(WireRules.measuredAtProblem(report.hosts().get(0).measuredAt(), report.sentAt(), 30)).isNull();
    }

    @Test
    void aHostNotMeasuredForTwoIntervalsIsReportedDownRatherThanWithOldFigures() {
        Instant late = NOW.minusSeconds(61);
        Report report = new ReportBuilder(config(PAD, CLOUD), frozen).build(Map.of(
                "pad-1", probe("pad-1", Measurement.up("Etherpad healthy").withUsers(42), late),
                "cloud", probe("cloud", Measurement.up("Nextcloud healthy"), NOW.minusSeconds(59))), Set.of());

        HostReport pad = report.hosts().get(0);
        assertThat(pad.status()).isEqualTo(HostStatus.DOWN);
        assertThat(pad.activeUsers()).isNull();
        assertThat(pad.measuredAt()).isNull();
        assertThat(pad.detail()).isEqualTo("not measured for 61 s: the agent's probe rounds are late");
        assertThat(report.hosts().get(1).status()).as("59 s old is within two intervals").isEqualTo(HostStatus.UP);
        report.hosts().forEach(h -> assertThat(WireRules.measuredAtProblem(h.measuredAt(), report.sentAt(), 30)).isNull());
    }

    @Test
    void aHostIsUpSinceItsFirstMeasurementUpAndOpenAfterOneThatWasNot() {
        ReportBuilder builder = new ReportBuilder(config(PAD), frozen);
        Instant now = NOW.truncatedTo(ChronoUnit.MILLIS);
        Instant first = now.minusSeconds(50);

        assertThat(upSince(builder, Measurement.up("ok"), first, Set.of())).isEqualTo(first);
        assertThat(upSince(builder, Measurement.degraded("slow"), now.minusSeconds(40), Set.of()))
                .as("DEGRADED still serves: the streak goes on").isEqualTo(first);
        assertThat(upSince(builder, Measurement.down("refused"), now.minusSeconds(30), Set.of())).isNull();
        assertThat(upSince(builder, Measurement.up("ok"), now.minusSeconds(20), Set.of()))
                .as("a comeback starts again").isEqualTo(now.minusSeconds(20));
        assertThat(upSince(builder, Measurement.up("ok"), now.minusSeconds(10), Set.of("pad-1")))
                .as("drained: takes no new users").isNull();
        assertThat(upSince(builder, Measurement.up("ok"), now.minusSeconds(5), Set.of())).isEqualTo(now.minusSeconds(5));
        assertThat(upSince(new ReportBuilder(config(PAD), frozen), Measurement.up("ok"), now, Set.of()))
                .as("a restarted agent starts at its first measurement").isEqualTo(now);
    }

    private static Instant upSince(ReportBuilder builder, Measurement m, Instant at, Set<String> drained) {
        Report report = builder.build(Map.of("pad-1", probe("pad-1", m, at)), drained);
        HostReport pad = report.hosts().get(0);
        assertThat(WireRules.upSinceProblem(pad.upSince(), pad.status(), pad.acceptsNewUsers(), pad.measuredAt(),
                report.sentAt())).isNull();
        return pad.upSince();
    }

    @Test
    void sentAtAlwaysMovesForwardEvenWhenTheClockDoesNot() {
        ReportBuilder builder = new ReportBuilder(config(PAD), frozen);
        Map<String, ProbeResult> latest = Map.of("pad-1", probe("pad-1", Measurement.up("ok"), NOW));

        Instant first = builder.build(latest, Set.of()).sentAt();
        Instant second = builder.build(latest, Set.of()).sentAt();

        assertThat(second).isAfter(first);
    }

    @Test
    void aDrainedHostTakesNoNewUsersWhateverTheSoftwareSays() {
        HostReport host = ReportBuilder.hostReport(PAD, Measurement.up("Etherpad healthy").withUsers(1).withAccepting(true), true, NOW, null);

        assertThat(host.acceptsNewUsers()).isFalse();
        assertThat(host.status()).isEqualTo(HostStatus.UP);
        assertThat(host.detail()).startsWith("drained for maintenance");
    }

    @Test
    void softwareThatClosesRegistrationsIsFollowedUnlessTheMemberOverrides() {
        Measurement closed = Measurement.up("sign-up closed").withUsers(5).withAccepting(false);
        HostConfig forcedOpen = new HostConfig("tube", "video", "peertube", URI.create("https://t.example.org/"),
                URI.create("https://t.example.org/"), 10, null, true);

        assertThat(ReportBuilder.hostReport(PAD, closed, false, NOW, null).acceptsNewUsers()).isFalse();
        assertThat(ReportBuilder.hostReport(forcedOpen, closed, false, NOW, null).acceptsNewUsers()).isTrue();
    }

    @Test
    void theMembersWordOnAHostsRoomsIsSentAndNothingWhenItSaysNone() {
        HostConfig visio = new HostConfig("visio", "visio", "jitsi", URI.create("https://v.example.org/"),
                URI.create("http://127.0.0.1:8080/"), 100, null, null, null, "off");

        assertThat(ReportBuilder.hostReport(visio, Measurement.up("ok").withUsers(1), false, NOW, null).rooms()).isEqualTo("off");
        assertThat(ReportBuilder.hostReport(PAD, Measurement.up("ok").withUsers(1), false, NOW, null).rooms()).isNull();
    }

    @Test
    void anUnknownUserCountIsSentAsNullNotZero() {
        HostReport unknown = ReportBuilder.hostReport(PAD, Measurement.up("Lufi healthy"), false, NOW, null);
        HostReport none = ReportBuilder.hostReport(PAD, Measurement.up("Etherpad healthy").withUsers(0), false, NOW, null);

        assertThat(unknown.activeUsers()).isNull();
        assertThat(unknown.detail()).isEqualTo("Lufi healthy");
        assertThat(none.activeUsers()).isZero();
    }

    @Test
    void longReasonsAreCutToWhatTheBrokerTakes() {
        HostReport host = ReportBuilder.hostReport(PAD, Measurement.down("x".repeat(500)), false, NOW, null);

        assertThat(host.detail()).hasSize(200).endsWith("...");
    }
}
