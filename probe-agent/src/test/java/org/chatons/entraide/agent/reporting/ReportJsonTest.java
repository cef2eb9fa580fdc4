package org.chatons.entraide.agent.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;
import org.junit.jupiter.api.Test;

/**
 * The agent's report JSON is, byte for byte, what the ObjectMapper it replaced wrote (JavaTimeModule, instants as
 * text); the protocol's ReportWireFormatTest shows the broker reads that back. Every record component is filled by
 * reflection, so a field added to the protocol and forgotten by {@link ReportJson} fails here.
 */
class ReportJsonTest {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void everyFieldSetIsWrittenAsTheMapperWroteIt() throws Exception {
        Report report = report(this::sample, List.of(host(this::sample), host(this::sample)));

        String json = ReportJson.write(report);

        assertThat(json).isEqualTo(MAPPER.writeValueAsString(report));
        for (RecordComponent c : HostReport.class.getRecordComponents()) {
            assertThat(MAPPER.readTree(json).path("hosts").path(0).hasNonNull(c.getName())).as(c.getName()).isTrue();
        }
    }

    @Test
    void nullsFollowTheRecordsInclusionRules() throws Exception {
        // Report writes its nulls; HostReport leaves its own out, except activeUsers ("the service does not say").
        Report empty = report(type -> null, Arrays.asList(host(type -> null), null));
        Report noHosts = report(type -> null, null);

        assertThat(ReportJson.write(empty)).isEqualTo(MAPPER.writeValueAsString(empty))
                .contains("\"hosts\":[{\"activeUsers\":null},null]");
        assertThat(ReportJson.write(noHosts)).isEqualTo(MAPPER.writeValueAsString(noHosts))
                .isEqualTo("{\"member\":null,\"sentAt\":null,\"intervalSeconds\":null,\"hosts\":null}");
    }

    @Test
    void instantsNumbersAndTextsAreWrittenAlike() throws Exception {
        List<Instant> instants = List.of(Instant.parse("2026-11-23T18:00:00Z"), Instant.parse("2026-11-23T18:00:00.1Z"),
                Instant.parse("2026-11-23T17:59:58.250Z"), Instant.parse("2026-11-23T18:00:00.123456789Z"),
                Instant.EPOCH, Instant.parse("+10000-01-01T00:00:00Z"));
        for (Instant at : instants) {
            HostReport host = new HostReport("pad-é", "pad", "etherpad", "https://pad.example.org/?a=1&b=\"2\"",
                    HostStatus.DEGRADED, false, 0, Integer.MAX_VALUE, 1.0E-7, "line\nbreak \u0001 <tag> \\", at);
            Report report = new Report("member", at, 15, List.of(host,
                    new HostReport("b", "visio", "jitsi", "https://b/", HostStatus.UP, true, 3, 50, 0.1, null, null)));

            assertThat(ReportJson.write(report)).isEqualTo(MAPPER.writeValueAsString(report));
        }
    }

    private Object sample(Class<?> type) {
        if (type == String.class) {
            return "text";
        } else if (type == Integer.class) {
            return 7;
        } else if (type == Double.class) {
            return 0.25;
        } else if (type == Boolean.class) {
            return false;
        } else if (type == HostStatus.class) {
            return HostStatus.DEGRADED;
        } else if (type == Instant.class) {
            return Instant.parse("2026-11-23T18:00:00.123Z");
        }
        throw new AssertionError("a field of type " + type.getName() + ": write it in ReportJson, then sample it here");
    }

    private static HostReport host(Function<Class<?>, Object> values) throws Exception {
        return construct(HostReport.class, values, null);
    }

    private static Report report(Function<Class<?>, Object> values, List<HostReport> hosts) throws Exception {
        return construct(Report.class, values, hosts);
    }

    /** A record from its canonical constructor, each component from {@code values}, a List from {@code list}. */
    private static <R extends Record> R construct(Class<R> type, Function<Class<?>, Object> values, List<?> list)
            throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] args = Arrays.stream(types).map(t -> t == List.class ? list : values.apply(t)).toArray();
        return type.getDeclaredConstructor(types).newInstance(args);
    }
}
