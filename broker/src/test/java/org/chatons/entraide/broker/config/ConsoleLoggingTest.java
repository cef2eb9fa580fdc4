package org.chatons.entraide.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** The broker's logging as logback.xml gave it, and a configuration file still preferred when there is one. */
class ConsoleLoggingTest {

    @Test
    void withoutAConfigurationFileTheBrokerLogsInfoAndAboveToTheConsoleInItsPattern() throws Exception {
        LoggerContext context = new LoggerContext();
        try (URLClassLoader nothing = new URLClassLoader(new URL[0], null)) {
            assertThat(new ConsoleLogging(nothing).configure(context))
                    .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        }

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("io.micronaut.context.env").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.chatons.entraide").getEffectiveLevel()).isEqualTo(Level.INFO);
        var console = (ConsoleAppender<?>) root.getAppender("STDOUT");
        assertThat(console.isStarted()).isTrue();
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern())
                .isEqualTo("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg%n");
    }

    @Test
    void aLogbackFileOnTheClassPathIsLeftToLogback() {
        // The tests' class path has logback-test.xml.
        LoggerContext context = new LoggerContext();

        assertThat(new ConsoleLogging(getClass().getClassLoader()).configure(context))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }
}
