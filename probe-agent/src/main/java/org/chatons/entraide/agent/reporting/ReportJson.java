package org.chatons.entraide.agent.reporting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;
import org.chatons.entraide.protocol.ReportFields;

/**
 * A report as JSON, written with Jackson's streaming generator: the text an {@code ObjectMapper} writes from the
 * protocol's records (their {@code @JsonInclude} rules, instants as ISO-8601 text as JavaTimeModule writes them),
 * without building an {@code ObjectMapper}, whose data binding loads some 650 classes: about 4 MiB of the agent's
 * resident memory (BENCHMARKS.md §4). {@code ReportJsonTest} pins the text to the mapper's for every field; the fields
 * themselves are the protocol's {@link ReportFields}.
 */
final class ReportJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    /** The report's JSON, as the brokers read it: its fields as {@link ReportFields} declares them. */
    static String write(Report report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            fields(json, ReportFields.REPORT, report);
            json.writeFieldName(ReportFields.HOSTS);
            if (report.hosts() == null) {
                json.writeNull();
            } else {
                json.writeStartArray();
                for (HostReport host : report.hosts()) {
                    if (host == null) {
                        json.writeNull();
                    } else {
                        json.writeStartObject();
                        fields(json, ReportFields.HOST, host);
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a report could not be written", e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static <T> void fields(JsonGenerator json, List<ReportFields.Field<T>> fields, T record) throws IOException {
        for (ReportFields.Field<T> field : fields) {
            Object value = field.value().apply(record);
            if (value == null && !field.writtenWhenNull()) {
                continue;
            }
            json.writeFieldName(field.name());
            if (value == null) {
                json.writeNull();
                continue;
            }
            switch (field.kind()) {
                case INTEGER -> json.writeNumber((Integer) value);
                case NUMBER -> json.writeNumber((Double) value);
                case BOOLEAN -> json.writeBoolean((Boolean) value);
                case STATUS -> json.writeString(((HostStatus) value).name());
                // ISO-8601 in UTC (2026-11-23T18:00:00.123Z): Instant.toString(), JavaTimeModule's format.
                case INSTANT -> json.writeString(((Instant) value).toString());
                case STRING -> json.writeString((String) value);
            }
        }
    }
}
