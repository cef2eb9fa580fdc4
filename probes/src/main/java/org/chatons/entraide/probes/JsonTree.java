package org.chatons.entraide.probes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads a JSON text into Jackson's tree ({@link JsonNode}) with the streaming parser, the tree that
 * {@code ObjectMapper.readTree} gives, without an {@code ObjectMapper}: building one loads some 650 classes (its
 * data binding, its date formats and their locale data), which cost the probe agent about 4 MiB of its 64 MiB
 * resident (BENCHMARKS.md §4); the agent only ever reads trees. {@code JsonTreeTest} pins the trees to
 * {@code readTree}'s.
 */
public final class JsonTree {

    /**
     * Nesting deeper than this is refused by the parser: no answer read here nests beyond a few levels, and the
     * reading recurses once per level, so a hostile service cannot run a thread's stack out.
     */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {
    }

    /**
     * The first JSON value of a text, as {@code readTree} reads it (what follows it is not looked at, a repeated
     * field keeps its last value), or a missing node when the text holds none.
     *
     * @throws com.fasterxml.jackson.core.exc.StreamConstraintsException when it nests deeper than {@link #MAX_DEPTH}
     * @throws IOException                                                 when it is not JSON
     */
    public static JsonNode read(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            return first == null ? MissingNode.getInstance() : value(parser, first);
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("unexpected end of the text"); // the parser reports it first; kept as a guard
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                // The parser itself refuses malformed text: a value cannot start with anything else.
                throw new IOException("unexpected " + token);
        }
    }
}
