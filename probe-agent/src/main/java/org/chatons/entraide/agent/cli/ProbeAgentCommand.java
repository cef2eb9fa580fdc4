package org.chatons.entraide.agent.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code java -jar probe-agent.jar [run|check|drain|undrain] -c probe-agent.yml}. Without a command it runs.
 * Exit codes: 0 fine, 1 something is wrong (check), 2 the configuration or the command line is wrong.
 */
@Command(name = "probe-agent", mixinStandardHelpOptions = true, version = "Entraide probe agent 0.1",
        description = "Measures the member's services through their own APIs and reports them to the Entraide brokers.")
public final class ProbeAgentCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    private final RunCommand run;

    ProbeAgentCommand(RunCommand run) {
        this.run = run;
    }

    @Override
    public Integer call() throws Exception {
        run.config = config;
        return run.call();
    }

    /** The command line with every command, reading the given environment. */
    public static CommandLine commandLine(Map<String, String> env, Clock clock) {
        RunCommand run = new RunCommand(env, clock);
        CommandLine line = new CommandLine(new ProbeAgentCommand(run));
        line.addSubcommand("run", run);
        line.addSubcommand("check", new CheckCommand(env, clock));
        line.addSubcommand("drain", new DrainCommand(true));
        line.addSubcommand("undrain", new DrainCommand(false));
        return line;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), Clock.systemUTC()).execute(args));
    }
}
