package org.chatons.entraide.probes;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Function;

/**
 * Defensive reading of the services' JSON: fields go missing across versions and some hold "N/A" where a number
 * is expected, so every reader here answers null rather than throwing for a figure that is not there.
 */
public final class Json {

    /** Bodies larger than this are cut by the I/O side of a probe; no documented answer comes near it. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private Json() {
    }

    /** Parses an answer's body; says what was wrong when it is not JSON. */
    public static JsonNode parse(Answer answer, String what) throws UnreadableAnswer {
        if (answer.truncated()) {
            throw new UnreadableAnswer(what + ": answer larger than " + MAX_BODY_BYTES / 1024 + " KiB, not read");
        }
        try {
            JsonNode node = JsonTree.read(answer.body());
            if (node.isMissingNode()) {
                throw new UnreadableAnswer(what + ": empty answer");
            }
            return node;
        } catch (StreamConstraintsException e) {
            // Nested deeper than JsonTree.MAX_DEPTH, or a number or a name longer than the parser reads: say which.
            String limit = e.getOriginalMessage().replaceFirst(", from `[^`]*`\\)", ")");
            throw new UnreadableAnswer(what + ": too large to read (" + limit + ")");
        } catch (IOException e) {
            throw new UnreadableAnswer(what + ": not JSON (\"" + answer.snippet() + "\")");
        }
    }

    /** Parses a 2xx answer's body; says what was wrong when the status is another or the body is not JSON. */
    public static JsonNode parseOk(Answer answer, String what) throws UnreadableAnswer {
        if (!answer.ok()) {
            throw new UnreadableAnswer(what + " answers " + answer.status());
        }
        return parse(answer, what);
    }

    /**
     * Reads a 2xx JSON answer, or says why it could not: the one shape of every probe's reading.
     *
     * @param failing what a probe makes of the reason (DOWN for a health check, DEGRADED for a detail)
     * @param reading what it makes of the JSON
     */
    public static Measurement read(Answer answer, String what, Function<String, Measurement> failing,
            Function<JsonNode, Measurement> reading) {
        JsonNode node;
        try {
            node = parseOk(answer, what);
        } catch (UnreadableAnswer e) {
            return failing.apply(e.getMessage());
        }
        return reading.apply(node);
    }

    /** The node at a path of field names, or a missing node. */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String name : path) {
            current = current.path(name);
        }
        return current;
    }

    /** A whole count of 0 or more at the path; null when missing, "N/A", negative or not a number. */
    public static Integer count(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
            return value.intValue();
        }
        if (value.isNumber() && value.doubleValue() >= 0 && value.doubleValue() <= Integer.MAX_VALUE
                && value.doubleValue() == Math.rint(value.doubleValue())) {
            return (int) value.doubleValue();
        }
        return null;
    }

    /** A finite number of 0 or more at the path; null when missing, "N/A" or not a number. */
    public static Double number(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value.isNumber() && Double.isFinite(value.doubleValue()) && value.doubleValue() >= 0) {
            return value.doubleValue();
        }
        return null;
    }

    /** A boolean at the path; null when missing or of another type. */
    public static Boolean bool(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isBoolean() ? value.booleanValue() : null;
    }

    /** A text at the path; null when missing or of another type. */
    public static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isTextual() ? value.textValue() : null;
    }
}
