package org.chatons.entraide.broker.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The broker's logging, set up in code: lines on standard output (the journal, or the container's log), INFO and
 * above, Micronaut's environment messages from WARN. No access log: the broker keeps nothing about end users (no
 * address, no user agent, no cookie).
 *
 * <p>In code rather than in a logback.xml because reading that file takes Logback's configuration framework and
 * the JDK's XML parser, some 400 classes kept in memory for good (BENCHMARKS.md section 4). A configuration file
 * still wins when there is one: {@code -Dlogback.configurationFile=...}, or a logback.xml or logback-test.xml on
 * the class path (the tests').
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg%n";

    private final ClassLoader loader;

    /** Found by Logback's service loader (META-INF/services). */
    public ConsoleLogging() {
        this(ConsoleLogging.class.getClassLoader());
    }

    /** Looks for a configuration file in {@code loader}. */
    ConsoleLogging(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("io.micronaut.context.env").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
