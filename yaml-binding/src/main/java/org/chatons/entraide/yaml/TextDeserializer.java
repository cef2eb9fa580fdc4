package org.chatons.entraide.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.function.Function;

/** A value written as text and read by a function that answers null when the text is not one. */
final class TextDeserializer<T> extends StdScalarDeserializer<T> {

    private final Function<String, T> read;

    TextDeserializer(Class<T> type, Function<String, T> read) {
        super(type);
        this.read = read;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = p.currentToken().isScalarValue() ? p.getText() : null;
        T value = text == null ? null : read.apply(text);
        if (value == null) {
            return (T) ctxt.handleWeirdStringValue(handledType(), text, "not a %s", handledType().getSimpleName());
        }
        return value;
    }
}
