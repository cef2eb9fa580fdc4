package org.chatons.entraide.agent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** The agent's command line as a coordinator types it, with what it prints kept for the test to read. */
final class Console {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final Map<String, String> environment;

    /** @param environment the variables the command sees, such as the token's */
    Console(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs one command; its exit status. */
    int run(String... args) {
        CommandLine line = ProbeAgentCommand.commandLine(environment, Clock.systemUTC());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
