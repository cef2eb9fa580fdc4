package org.chatons.entraide.broker;

import io.micronaut.runtime.Micronaut;
import org.chatons.entraide.broker.config.StartupError;

/** Starts the broker; a configuration mistake ends it with one clear line instead of a stack trace. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        try {
            Micronaut.run(Application.class, args);
        } catch (RuntimeException e) {
            StartupError.find(e).ifPresentOrElse(error -> {
                System.err.println("entraide broker: " + error.getMessage());
                System.exit(2);
            }, () -> {
                throw e;
            });
        }
    }
}
