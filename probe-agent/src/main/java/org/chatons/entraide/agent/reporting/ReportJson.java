package org.chatons.entraide.agent.reporting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.Report;

/**
 * A report as JSON, written with Jackson's streaming generator: the text an {@code ObjectMapper} writes from the
 * protocol's records (their {@code @JsonInclude} rules, instants as ISO-8601 text as JavaTimeModule writes them),
 * without building an {@code ObjectMapper}, whose data binding loads some 650 classes: about 4 MiB of the agent's
 * resident memory (BENCHMARKS.md §4). {@code ReportJsonTest} pins the text to the mapper's for every field, so a
 * field added to the records and not written here fails it.
 */
final class ReportJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    /** The report's JSON, as the brokers read it. */
    static String write(Report report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            // Report has no @JsonInclude: every field is written, null or not.
            json.writeStringField("member", report.member());
            json.writeStringField("sentAt", text(report.sentAt()));
            json.writeFieldName("intervalSeconds");
            writeNumber(json, report.intervalSeconds());
            json.writeFieldName("hosts");
            if (report.hosts() == null) {
                json.writeNull();
            } else {
                json.writeStartArray();
                for (HostReport host : report.hosts()) {
                    write(json, host);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a report could not be written", e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** HostReport is NON_NULL, except activeUsers, always written (null: the service does not say). */
    private static void write(JsonGenerator json, HostReport host) throws IOException {
        if (host == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        stringIfSet(json, "id", host.id());
        stringIfSet(json, "service", host.service());
        stringIfSet(json, "software", host.software());
        stringIfSet(json, "url", host.url());
        stringIfSet(json, "status", host.status() == null ? null : host.status().name());
        if (host.acceptsNewUsers() != null) {
            json.writeBooleanField("acceptsNewUsers", host.acceptsNewUsers());
        }
        json.writeFieldName("activeUsers");
        writeNumber(json, host.activeUsers());
        if (host.capacityUsers() != null) {
            json.writeNumberField("capacityUsers", host.capacityUsers());
        }
        if (host.load() != null) {
            json.writeNumberField("load", host.load());
        }
        stringIfSet(json, "detail", host.detail());
        stringIfSet(json, "measuredAt", text(host.measuredAt()));
        json.writeEndObject();
    }

    private static void stringIfSet(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void writeNumber(JsonGenerator json, Integer value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }

    /** ISO-8601 in UTC ({@code 2026-11-23T18:00:00.123Z}): {@link Instant#toString()}, JavaTimeModule's format. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
