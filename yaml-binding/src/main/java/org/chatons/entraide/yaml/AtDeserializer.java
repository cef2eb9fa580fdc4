package org.chatons.entraide.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Binds {@link At}: the value's line from the parser, then the value by Jackson's own deserializer for its type. A
 * value of the wrong shape (a word where a number belongs, a list where a single value belongs) is kept as
 * unreadable rather than stopping the binding, so that every problem of a file is reported at once.
 */
final class AtDeserializer extends JsonDeserializer<At<?>> implements ContextualDeserializer {

    private final JavaType type;
    private final JsonDeserializer<Object> value;

    AtDeserializer() {
        this(null, null);
    }

    private AtDeserializer(JavaType type, JsonDeserializer<Object> value) {
        this.type = type;
        this.value = value;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JavaType wrapper = ctxt.getContextualType() != null ? ctxt.getContextualType() : property.getType();
        JavaType inner = wrapper.containedTypeOrUnknown(0);
        return new AtDeserializer(inner, ctxt.findContextualValueDeserializer(inner, property));
    }

    @Override
    public At<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL || token == JsonToken.VALUE_STRING && p.getText().isBlank()) {
            return new At<>(null, token == JsonToken.VALUE_NULL ? "" : p.getText(), line, false); // written, empty
        }
        boolean structured = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
        String text = structured ? null : p.getText();
        if (structured != expectsStructure()) {
            p.skipChildren();
            return new At<>(null, text, line, true);
        }
        if (structured) {
            return new At<>(value.deserialize(p, ctxt), null, line, false);
        }
        try {
            return new At<>(value.deserialize(p, ctxt), text, line, false);
        } catch (JsonProcessingException e) {
            return new At<>(null, text, line, true);
        }
    }

    /** {@code key:} with nothing after it: written, but empty. */
    @Override
    public At<?> getNullValue(DeserializationContext ctxt) {
        return new At<>(null, "", ctxt.getParser().currentTokenLocation().getLineNr(), false);
    }

    /** A key not written at all: null, so that a check can tell it from an empty one. */
    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return null;
    }

    private boolean expectsStructure() {
        Class<?> raw = type.getRawClass();
        return Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw.isRecord();
    }
}
