package org.chatons.entraide.broker;

import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.context.exceptions.DependencyInjectionException;
import io.micronaut.runtime.Micronaut;
import org.chatons.entraide.broker.config.StartupError;

/** Starts the broker; a configuration mistake ends it with one clear line instead of a stack trace. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        try {
            // Left to itself, Micronaut logs a startup failure with its stack trace and exits: an exit code of 0
            // for our own errors makes it throw instead, so the catch below can say it in one line.
            Micronaut.build(args).mainClass(Application.class)
                    .mapError(BeanInstantiationException.class, Application::exitCode)
                    .mapError(DependencyInjectionException.class, Application::exitCode)
                    .start();
        } catch (RuntimeException e) {
            StartupError.find(e).ifPresentOrElse(error -> {
                System.err.println("entraide broker: " + error.getMessage());
                System.exit(2);
            }, () -> {
                throw e;
            });
        }
    }

    private static int exitCode(Throwable startupFailure) {
        return StartupError.find(startupFailure).isPresent() ? 0 : 1;
    }
}
