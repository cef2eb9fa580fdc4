package org.chatons.entraide.yaml;

/**
 * A value of a configuration file with the line it was written on, so that a check made after binding can still
 * name the line. Bound by {@link YamlBinder}; a key that is absent binds to null, never to an {@code At}.
 *
 * @param value      the value bound to its type, or null when it was empty or could not be read as that type
 * @param text       the scalar as written (for messages), or null when a list or mapping was written
 * @param line       the line of the value, from 1
 * @param unreadable whether something was written that is not a {@code T} ({@link #text} says what, unless it was
 *                   a list or a mapping where a single value belongs, or the reverse)
 */
public record At<T>(T value, String text, int line, boolean unreadable) {

    /** Whether a single value was written but it is blank: {@code key:} or {@code key: ""}. */
    public boolean empty() {
        return !unreadable && (value == null || value instanceof String s && s.isBlank());
    }

    /** Whether a list or mapping stands where a single value belongs. */
    public boolean structured() {
        return unreadable && text == null;
    }
}
