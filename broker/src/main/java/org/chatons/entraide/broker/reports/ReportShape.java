package org.chatons.entraide.broker.reports;

import io.micronaut.json.tree.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.ReportFields;
import org.chatons.entraide.protocol.ReportFields.Kind;

/**
 * Checks the JSON types of a report's known fields ({@link ReportFields}) before it is bound to {@link org.chatons.entraide.protocol.Report},
 * so a wrong type is answered with its path ({@code hosts[2].activeUsers: expected a whole number, got a string})
 * rather than a deserializer's message. Values are checked afterwards by {@link ReportValidator}; unknown fields
 * are left alone, so newer agents can talk to older brokers.
 */
final class ReportShape {


    private ReportShape() {
    }

    /** Every field whose JSON type is wrong; empty when the report can be bound. */
    static List<FieldError> check(JsonNode report) {
        List<FieldError> errors = new ArrayList<>();
        if (!report.isObject()) {
            errors.add(new FieldError("body", "expected a JSON object, got " + kindOf(report)));
            return errors;
        }
        checkFields(report, "", ReportFields.REPORT, errors);
        JsonNode hosts = report.get(ReportFields.HOSTS);
        if (hosts != null && !hosts.isNull()) {
            if (!hosts.isArray()) {
                errors.add(new FieldError("hosts", "expected a list of hosts, got " + kindOf(hosts)));
            } else {
                for (int i = 0; i < hosts.size(); i++) {
                    JsonNode host = hosts.get(i);
                    if (host.isObject()) {
                        checkFields(host, "hosts[" + i + "].", ReportFields.HOST, errors);
                    } else {
                        errors.add(new FieldError("hosts[" + i + "]", "expected an object, got " + kindOf(host)));
                    }
                }
            }
        }
        return errors;
    }

    private static void checkFields(JsonNode object, String prefix, List<? extends ReportFields.Field<?>> fields,
                                    List<FieldError> errors) {
        for (ReportFields.Field<?> field : fields) {
            JsonNode value = object.get(field.name());
            if (value != null && !value.isNull() && !fits(value, field.kind())) {
                errors.add(new FieldError(prefix + field.name(),
                        "expected " + field.kind().expected() + ", got " + got(value, field.kind())));
            }
        }
    }

    /** What was sent: its kind, or the text itself (cut) where text is what the field takes. */
    private static String got(JsonNode value, Kind kind) {
        return switch (kind) {
            case STRING, BOOLEAN, NUMBER -> kindOf(value);
            case INTEGER, INSTANT, STATUS -> describe(value);
        };
    }

    private static boolean fits(JsonNode value, Kind kind) {
        return switch (kind) {
            case STRING -> value.isString();
            case BOOLEAN -> value.isBoolean();
            case NUMBER -> value.isNumber();
            case INTEGER -> isInt(value);
            case INSTANT -> isInstant(value);
            case STATUS -> value.isString() && isStatus(value.getStringValue());
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
