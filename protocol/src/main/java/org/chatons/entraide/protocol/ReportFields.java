package org.chatons.entraide.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The fields of a report as JSON, declared once: their names, in the records' order, their JSON kinds and whether
 * one is written when null. The agent writes a report from these ({@code ReportJson}) and the broker checks a
 * report's JSON types with them ({@code ReportShape}); the values' rules are {@link WireRules}.
 * {@code ReportFieldsTest} holds them to the records, so a field added to a record and not here fails it.
 */
public final class ReportFields {

    private ReportFields() {
    }

    /** A field's JSON kind, and what a message says is expected of it. */
    public enum Kind {
        STRING("a string"),
        INTEGER("a whole number"),
        NUMBER("a number"),
        BOOLEAN("true or false"),
        /** ISO-8601 in UTC, as {@link java.time.Instant#toString()} writes it. */
        INSTANT("an ISO-8601 instant such as 2026-11-23T18:00:00Z"),
        /** A {@link HostStatus}'s name. */
        STATUS("one of " + Arrays.toString(HostStatus.values()));

        private final String expected;

        Kind(String expected) {
            this.expected = expected;
        }

        /** {@code a whole number}, as in "expected a whole number, got ...". */
        public String expected() {
            return expected;
        }
    }

    /**
     * One field of a record.
     *
     * @param name            its JSON name
     * @param kind            its JSON kind
     * @param writtenWhenNull whether null is written ({@code "activeUsers": null}) rather than the field left out
     * @param value           its value in the record
     */
    public record Field<T>(String name, Kind kind, boolean writtenWhenNull, Function<T, Object> value) {
    }

    /** The report's own fields, every one written (null or not); its {@code hosts} list follows them. */
    public static final List<Field<Report>> REPORT = List.of(
            new Field<>("member", Kind.STRING, true, Report::member),
            new Field<>("sentAt", Kind.INSTANT, true, Report::sentAt),
            new Field<>("intervalSeconds", Kind.INTEGER, true, Report::intervalSeconds));

    /** The name of the report's list of hosts. */
    public static final String HOSTS = "hosts";

    /** A host's fields: left out when null, except activeUsers (null: the software does not count its users). */
    public static final List<Field<HostReport>> HOST = List.of(
            new Field<>("id", Kind.STRING, false, HostReport::id),
            new Field<>("service", Kind.STRING, false, HostReport::service),
            new Field<>("software", Kind.STRING, false, HostReport::software),
            new Field<>("url", Kind.STRING, false, HostReport::url),
            new Field<>("status", Kind.STATUS, false, HostReport::status),
            new Field<>("acceptsNewUsers", Kind.BOOLEAN, false, HostReport::acceptsNewUsers),
            new Field<>("activeUsers", Kind.INTEGER, true, HostReport::activeUsers),
            new Field<>("capacityUsers", Kind.INTEGER, false, HostReport::capacityUsers),
            new Field<>("load", Kind.NUMBER, false, HostReport::load),
            new Field<>("detail", Kind.STRING, false, HostReport::detail),
            new Field<>("measuredAt", Kind.INSTANT, false, HostReport::measuredAt),
            new Field<>("rooms", Kind.STRING, false, HostReport::rooms),
            new Field<>("upSince", Kind.INSTANT, false, HostReport::upSince));
}
