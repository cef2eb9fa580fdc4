package org.chatons.entraide.broker.reports;

import io.micronaut.json.tree.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.protocol.HostStatus;

/**
 * Checks the JSON types of a report's known fields before it is bound to {@link org.chatons.entraide.protocol.Report},
 * so a wrong type is answered with its path ({@code hosts[2].activeUsers: expected a whole number, got a string})
 * rather than a deserializer's message. Values are checked afterwards by {@link ReportValidator}; unknown fields
 * are left alone, so newer agents can talk to older brokers.
 */
final class ReportShape {

    private enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, INSTANT, STATUS }

    private static final Map<String, Kind> REPORT = Map.of("member", Kind.STRING, "sentAt", Kind.INSTANT,
            "intervalSeconds", Kind.INTEGER);
    private static final Map<String, Kind> HOST = Map.ofEntries(Map.entry("id", Kind.STRING),
            Map.entry("service", Kind.STRING), Map.entry("software", Kind.STRING), Map.entry("url", Kind.STRING),
            Map.entry("status", Kind.STATUS), Map.entry("acceptsNewUsers", Kind.BOOLEAN),
            Map.entry("activeUsers", Kind.INTEGER), Map.entry("capacityUsers", Kind.INTEGER),
            Map.entry("load", Kind.NUMBER), Map.entry("detail", Kind.STRING), Map.entry("measuredAt", Kind.INSTANT));

    private ReportShape() {
    }

    /** Every field whose JSON type is wrong; empty when the report can be bound. */
    static List<FieldError> check(JsonNode report) {
        List<FieldError> errors = new ArrayList<>();
        if (!report.isObject()) {
            errors.add(new FieldError("body", "expected a JSON object, got " + kindOf(report)));
            return errors;
        }
        checkFields(report, "", REPORT, errors);
        JsonNode hosts = report.get("hosts");
        if (hosts != null && !hosts.isNull()) {
            if (!hosts.isArray()) {
                errors.add(new FieldError("hosts", "expected a list of hosts, got " + kindOf(hosts)));
            } else {
                for (int i = 0; i < hosts.size(); i++) {
                    JsonNode host = hosts.get(i);
                    if (host.isObject()) {
                        checkFields(host, "hosts[" + i + "].", HOST, errors);
                    } else {
                        errors.add(new FieldError("hosts[" + i + "]", "expected an object, got " + kindOf(host)));
                    }
                }
            }
        }
        return errors;
    }

    private static void checkFields(JsonNode object, String prefix, Map<String, Kind> fields, List<FieldError> errors) {
        fields.forEach((name, kind) -> {
            JsonNode value = object.get(name);
            if (value != null && !value.isNull()) {
                String problem = problem(value, kind);
                if (problem != null) {
                    errors.add(new FieldError(prefix + name, problem));
                }
            }
        });
    }

    private static String problem(JsonNode value, Kind kind) {
        return switch (kind) {
            case STRING -> value.isString() ? null : "expected a string, got " + kindOf(value);
            case BOOLEAN -> value.isBoolean() ? null : "expected true or false, got " + kindOf(value);
            case NUMBER -> value.isNumber() ? null : "expected a number, got " + kindOf(value);
            case INTEGER -> isInt(value) ? null : "expected a whole number, got " + describe(value);
            case INSTANT -> isInstant(value) ? null
                    : "expected an ISO-8601 instant such as 2026-11-23T18:00:00Z, got " + describe(value);
            case STATUS -> value.isString() && isStatus(value.getStringValue()) ? null
                    : "expected one of " + Arrays.toString(HostStatus.values()) + ", got " + describe(value);
        };
    }

    private static boolean isInt(JsonNode value) {
        if (!value.isNumber()) {
            return false;
        }
        Number n = value.getNumberValue();
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return true;
        }
        return (n instanceof Long || n instanceof BigInteger) && n.longValue() == n.intValue()
                && BigInteger.valueOf(n.longValue()).equals(new BigInteger(n.toString()));
    }

    private static boolean isInstant(JsonNode value) {
        if (!value.isString()) {
            return false;
        }
        try {
            Instant.parse(value.getStringValue());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isStatus(String value) {
        return Arrays.stream(HostStatus.values()).anyMatch(s -> s.name().equals(value));
    }

    private static String describe(JsonNode value) {
        String shown = value.isString() ? "\"" + value.getStringValue() + "\"" : kindOf(value);
        return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
    }

    private static String kindOf(JsonNode value) {
        if (value.isString()) {
            return "a string";
        }
        if (value.isNumber()) {
            return value.getNumberValue().toString();
        }
        if (value.isBoolean()) {
            return String.valueOf(value.getBooleanValue());
        }
        return value.isArray() ? "a list" : value.isObject() ? "an object" : "null";
    }
}
