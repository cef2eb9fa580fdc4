package org.chatons.entraide.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Binds a YAML file to records with Jackson's YAML data binding. Keys are kebab-case ({@code capacity-users} binds
 * {@code capacityUsers}); each field is an {@link At}, so a check made afterwards names the value's line. Unknown
 * keys are collected, not skipped in silence (a misspelt optional key would be), nor fatal at the first one; a key
 * given twice and text that is not YAML stop the binding. Durations take {@link Durations}'s syntax, dates
 * {@code YYYY-MM-DD}.
 */
public final class YamlBinder {

    private YamlBinder() {
    }

    /** A key the record does not have, where it was written. */
    public record UnknownKey(int line, String parent, String key, List<String> known) {
        /** The key's path from the top ({@code hosts[0].probe_url}). */
        public String path() {
            return parent.isEmpty() ? key : parent + "." + key;
        }
    }

    /**
     * What the file holds: its top-level value (null for an empty file) and its unknown keys, in the file's order.
     */
    public record Bound<T>(At<T> root, List<UnknownKey> unknownKeys) {
    }

    /** The text is not YAML, or gives a key twice; line 0 when unknown. */
    public static final class Unparsable extends Exception {
        private final int line;

        Unparsable(int line, String problem) {
            super(problem);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** Binds the text to {@code At<type>}. */
    public static <T> Bound<T> bind(String text, Class<T> type) throws Unparsable {
        List<UnknownKey> unknown = new ArrayList<>();
        ObjectMapper mapper = mapper(unknown);
        JavaType root = mapper.getTypeFactory().constructParametricType(At.class, type);
        try {
            At<T> value = mapper.readValue(text, root);
            if (unknown.isEmpty()) {
                return new Bound<>(value, List.of());
            }
            Map<String, Integer> lines = keyLines(mapper, text);
            return new Bound<>(value, unknown.stream().map(k -> new UnknownKey(lines.getOrDefault(k.path(), 0),
                    k.parent(), k.key(), k.known())).toList());
        } catch (JsonProcessingException e) {
            return failed(e);
        }
    }

    /** Why the text could not be bound, or an empty binding when the text holds no value at all. */
    private static <T> Bound<T> failed(JsonProcessingException e) throws Unparsable {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                throw new Unparsable(yaml.getProblemMark().getLine() + 1, "not valid YAML: " + yaml.getProblem());
            }
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String message = e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            throw new Unparsable(line, message.replace("Duplicate field", "key") + " given twice");
        }
        if (e instanceof MismatchedInputException && message.startsWith("No content")) {
            return new Bound<>(null, List.of());
        }
        throw new Unparsable(line, "not valid YAML: " + message);
    }

    /**
     * The line of every key, by its path. A second pass over the text, with the streaming parser: the binding
     * reads a record's keys into a buffer that has no lines before it meets an unknown one.
     */
    private static Map<String, Integer> keyLines(ObjectMapper mapper, String text) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = mapper.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(path(p.getParsingContext()), p.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String has no I/O to fail
        }
        return lines;
    }

    private static ObjectMapper mapper(List<UnknownKey> unknown) {
        SimpleModule values = new SimpleModule("entraide-yaml")
                .addDeserializer(At.class, new AtDeserializer())
                .addDeserializer(Duration.class, new TextDeserializer<>(Duration.class, Durations::parse))
                .addDeserializer(LocalDate.class, new TextDeserializer<>(LocalDate.class, YamlBinder::date));
        return YAMLMapper.builder(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(values)
                .addHandler(new DeserializationProblemHandler() {
                    @Override
                    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                                         JsonDeserializer<?> deserializer, Object bean, String key)
                            throws IOException {
                        unknown.add(new UnknownKey(0, mappingPath(ctxt.getParser()), key,
                                known(deserializer.getKnownPropertyNames())));
                        p.skipChildren();
                        return true;
                    }
                })
                .build();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> known(Collection<Object> names) {
        return names.stream().map(String::valueOf).sorted().toList();
    }

    /**
     * The path of the mapping being bound. A record's keys may have been read into a buffer before an unknown one is
     * handled: the file's parser has then just left the mapping and stands at its place in the parent; otherwise it
     * stands at the unknown key's value, inside the mapping.
     */
    private static String mappingPath(JsonParser p) {
        JsonStreamContext context = p.getParsingContext();
        if (p.currentToken() == JsonToken.END_OBJECT) {
            return path(context);
        }
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            context = context.getParent();
        }
        return path(context.getParent());
    }

    /** The path from the top to the parser's current value ({@code hosts[0]}, {@code hosts[0].url}). */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }
}
