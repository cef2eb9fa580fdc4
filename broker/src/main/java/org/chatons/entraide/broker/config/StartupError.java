package org.chatons.entraide.broker.config;

import java.net.BindException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mistake in the broker's configuration or members file: the broker refuses to start and says what is wrong. */
public class StartupError extends RuntimeException {

    /** How Micronaut says it could not convert a setting (micronaut-inject's DependencyInjectionException). */
    private static final Pattern UNREADABLE_SETTING = Pattern.compile(
            "Error resolving property value \\[([^\\]]+)]\\. Unable to convert value \\[(.*?)] to target type \\[([^\\]]+)]");
    private static final Map<String, String> EXPECTED = Map.of(
            "double", "a number such as 0.85",
            "int", "a whole number",
            "Duration", "a duration such as 30s, 5m or 24h",
            "Path", "a file's path",
            "boolean", "true or false");

    public StartupError(String message) {
        super(message);
    }

    /**
     * The first startup error in a chain of causes, as wrapped by Micronaut's bean creation; or one that says which
     * setting Micronaut could not read (a duration that is not one, a number that is not one), or that the port is
     * taken (another broker, or one still stopping).
     */
    public static Optional<StartupError> find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StartupError error) {
                return Optional.of(error);
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            Matcher unreadable = UNREADABLE_SETTING.matcher(String.valueOf(t.getMessage()));
            if (unreadable.find()) {
                return Optional.of(new StartupError(unreadable.group(1) + ": '" + unreadable.group(2)
                        + "' (expected: " + EXPECTED.getOrDefault(unreadable.group(3), unreadable.group(3)) + ")"));
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                // Micronaut's own message names the port ("Unable to start Micronaut server on *:8080").
                String on = String.valueOf(thrown.getMessage()).replaceFirst(".* on ", "");
                return Optional.of(new StartupError("micronaut.server.port: cannot listen on " + on + " ("
                        + t.getMessage() + "; another program has it: stop it or set MICRONAUT_SERVER_PORT)"));
            }
        }
        return Optional.empty();
    }
}
