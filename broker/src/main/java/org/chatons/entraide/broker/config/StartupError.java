package org.chatons.entraide.broker.config;

import java.util.Optional;

/** A mistake in the broker's configuration or members file: the broker refuses to start and says what is wrong. */
public class StartupError extends RuntimeException {

    public StartupError(String message) {
        super(message);
    }

    /** The first startup error in a chain of causes, as wrapped by Micronaut's bean creation. */
    public static Optional<StartupError> find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StartupError error) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }
}
