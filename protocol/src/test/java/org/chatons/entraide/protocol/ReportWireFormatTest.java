package org.chatons.entraide.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent writes with plain Jackson, the broker reads with Micronaut Serde: both must agree on every field. */
class ReportWireFormatTest {

    static final String ISSUE_EXAMPLE = """
            {"member":"framasoft","sentAt":"2026-11-23T18:00:00Z","intervalSeconds":30,
             "hosts":[{"id":"pad-1","service":"pad","software":"etherpad","url":"https://pad1.framapad.org/",
                       "status":"UP","acceptsNewUsers":true,"activeUsers":42,"capacityUsers":200,"load":0.21}]}
            """;

    final JsonMapper jackson = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    final io.micronaut.serde.ObjectMapper serde = io.micronaut.serde.ObjectMapper.getDefault();

    @Test
    void brokerReadsTheDocumentedExample() throws Exception {
        Report report = serde.readValue(ISSUE_EXAMPLE, Report.class);

        assertThat(report.member()).isEqualTo("framasoft");
        assertThat(report.sentAt()).isEqualTo(Instant.parse("2026-11-23T18:00:00Z"));
        assertThat(report.intervalSeconds()).isEqualTo(30);
        HostReport host = report.hosts().get(0);
        assertThat(host).isEqualTo(new HostReport("pad-1", "pad", "etherpad", "https://pad1.framapad.org/",
                HostStatus.UP, true, 42, 200, 0.21, null));
    }

    @Test
    void whatTheAgentWritesTheBrokerReadsBack() throws Exception {
        Report sent = new Report("alpha", Instant.parse("2026-11-23T18:00:00.123Z"), 15, List.of(
                new HostReport("visio", "visio", "jitsi", "https://visio.alpha.example.org/", HostStatus.DEGRADED,
                        false, 7, 100, null, "colibri stats: stress_level missing")));

        String json = jackson.writeValueAsString(sent);

        assertThat(json).contains("\"sentAt\":\"2026-11-23T18:00:00.123Z\"").doesNotContain("\"load\"");
        assertThat(serde.readValue(json, Report.class)).isEqualTo(sent);
        assertThat(jackson.readValue(serde.writeValueAsString(sent), Report.class)).isEqualTo(sent);
    }

    @Test
    void whenEachHostWasMeasuredTravelsAndIsLeftOutWhenUnknown() throws Exception {
        Instant measured = Instant.parse("2026-11-23T17:59:58.250Z");
        Report sent = new Report("alpha", Instant.parse("2026-11-23T18:00:00Z"), 30, List.of(
                new HostReport("pad", "pad", "etherpad", "https://pad.alpha.example.org/", HostStatus.UP, true, 3,
                        50, null, null, measured),
                new HostReport("old", "pad", "etherpad", "https://old.alpha.example.org/", HostStatus.UP, true, 3,
                        50, null, null)));

        String json = jackson.writeValueAsString(sent);

        assertThat(json).contains("\"measuredAt\":\"2026-11-23T17:59:58.250Z\"");
        assertThat(jackson.readTree(json).get("hosts").get(1).has("measuredAt")).isFalse();
        assertThat(serde.readValue(json, Report.class)).isEqualTo(sent);
        assertThat(jackson.readValue(serde.writeValueAsString(sent), Report.class)).isEqualTo(sent);
        // An older agent's report, without the field, reads as before.
        assertThat(serde.readValue(ISSUE_EXAMPLE, Report.class).hosts().get(0).measuredAt()).isNull();
    }

    @Test
    void missingFiguresStayMissingInsteadOfBecomingZero() throws Exception {
        Report report = serde.readValue("{\"member\":\"a\",\"hosts\":[{\"id\":\"h\"}]}", Report.class);

        HostReport host = report.hosts().get(0);
        assertThat(host.activeUsers()).isNull();
        assertThat(host.capacityUsers()).isNull();
        assertThat(host.acceptsNewUsers()).isNull();
        assertThat(report.sentAt()).isNull();
    }

    @Test
    void anUnknownUserCountIsWrittenAsNullAndReadBackAsNull() throws Exception {
        Report sent = new Report("alpha", Instant.parse("2026-11-23T18:00:00Z"), 30, List.of(
                new HostReport("drop", "drop", "lufi", "https://drop.alpha.example.org/", HostStatus.UP, true,
                        null, 50, null, "lufi healthy; 12 files")));

        String byAgent = jackson.writeValueAsString(sent);
        String byBroker = serde.writeValueAsString(sent);

        // Explicit, so whoever reads the JSON sees "unknown" rather than a field forgotten; no other field changes.
        assertThat(byAgent).contains("\"activeUsers\":null").doesNotContain("\"load\"");
        assertThat(byBroker).contains("\"activeUsers\":null").doesNotContain("\"load\"");
        for (String json : List.of(byAgent, byBroker)) {
            assertThat(jackson.readTree(json).get("hosts").get(0).properties()).extracting(e -> e.getKey())
                    .containsExactlyInAnyOrder("id", "service", "software", "url", "status", "acceptsNewUsers",
                            "activeUsers", "capacityUsers", "detail");
        }
        assertThat(serde.readValue(byAgent, Report.class)).isEqualTo(sent);
        assertThat(jackson.readValue(byBroker, Report.class)).isEqualTo(sent);
    }

    @Test
    void absentAndNullUserCountsMeanTheSameAndACountStillReadsAsBefore() throws Exception {
        String absent = ISSUE_EXAMPLE.replace("\"activeUsers\":42,", "");
        String explicitNull = ISSUE_EXAMPLE.replace("\"activeUsers\":42", "\"activeUsers\":null");
        String zero = ISSUE_EXAMPLE.replace("\"activeUsers\":42", "\"activeUsers\":0");

        assertThat(serde.readValue(absent, Report.class).hosts().get(0).activeUsers()).isNull();
        assertThat(serde.readValue(explicitNull, Report.class).hosts().get(0).activeUsers()).isNull();
        assertThat(serde.readValue(zero, Report.class).hosts().get(0).activeUsers()).isZero();
    }

    @Test
    void effectiveLoadPrefersTheSoftwaresOwnFigure() {
        HostReport withStress = new HostReport("v", "visio", "jitsi", "u", HostStatus.UP, true, 10, 100, 0.6, null);
        HostReport withCounts = new HostReport("p", "pad", "etherpad", "u", HostStatus.UP, true, 50, 200, null, null);
        HostReport withNothing = new HostReport("p", "pad", "etherpad", "u", HostStatus.UP, true, null, 200, null, null);

        assertThat(withStress.effectiveLoad()).isEqualTo(0.6);
        assertThat(withCounts.effectiveLoad()).isEqualTo(0.25);
        assertThat(withNothing.effectiveLoad()).isNaN();
        assertThat(withStress.loadKnown()).isTrue();
        assertThat(withCounts.loadKnown()).isTrue();
        assertThat(withNothing.loadKnown()).isFalse();
    }

    @Test
    void theSoftwaresOwnLoadIsKnownEvenWithoutAUserCount() {
        HostReport stressOnly = new HostReport("v", "visio", "jitsi", "u", HostStatus.UP, true, null, 100, 0.4, null);

        assertThat(stressOnly.loadKnown()).isTrue();
        assertThat(stressOnly.effectiveLoad()).isEqualTo(0.4);
    }
}
