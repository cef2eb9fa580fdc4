package org.chatons.entraide.broker;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.context.exceptions.DependencyInjectionException;
import io.micronaut.http.server.exceptions.ServerStartupException;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import org.chatons.entraide.broker.config.StartupError;
import org.chatons.entraide.broker.members.MembersReloader;
import sun.misc.Signal;

/** Starts the broker; a configuration mistake ends it with one clear line instead of a stack trace. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        try {
            // Left to itself, Micronaut logs a startup failure with its stack trace and exits: an exit code of 0
            // for our own errors makes it throw instead, so the catch below can say it in one line.
            ApplicationContext context = Micronaut.build(args).mainClass(Application.class)
                    .mapError(BeanInstantiationException.class, Application::exitCode)
                    .mapError(DependencyInjectionException.class, Application::exitCode)
                    // A port already taken: the server's failure, then the same wrapped once more by Micronaut.
                    .mapError(ServerStartupException.class, Application::exitCode)
                    .mapError(ApplicationStartupException.class, Application::exitCode)
                    .start();
            reloadMembersOnHangup(context.getBean(MembersReloader.class));
        } catch (RuntimeException e) {
            StartupError.find(e).ifPresentOrElse(error -> {
                System.err.println("entraide broker: " + error.getMessage());
                System.exit(2);
            }, () -> {
                throw e;
            });
        }
    }

    /**
     * {@code kill -HUP} (systemd's {@code ExecReload}) reloads the members file at once, where the JVM would
     * otherwise shut down. Installed here rather than in a bean: a signal handler belongs to the process, and tests
     * run several brokers in one.
     */
    private static void reloadMembersOnHangup(MembersReloader reloader) {
        Signal.handle(new Signal("HUP"), signal -> reloader.reload());
    }

    private static int exitCode(Throwable startupFailure) {
        return StartupError.find(startupFailure).isPresent() ? 0 : 1;
    }
}
