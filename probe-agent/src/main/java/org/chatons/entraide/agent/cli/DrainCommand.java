package org.chatons.entraide.agent.cli;

import java.time.Clock;
import java.util.Map;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.DrainFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code drain HOST} and {@code undrain HOST}: maintenance. The host is written to the drain file beside the
 * configuration; the running agent sees it within a second and reports the host as not taking new users at once.
 * Needs no token, so it works under any account that may write beside the configuration.
 */
@Command(description = "Put a host in maintenance (drain) or take it out (undrain): it takes no new users meanwhile.")
public final class DrainCommand extends AgentCommand {

    @Parameters(paramLabel = "HOST", description = "The host's id, as in the configuration.")
    String host;

    private final boolean drain;

    DrainCommand(boolean drain) {
        super(Map.of(), Clock.systemUTC());
        this.drain = drain;
    }

    @Override
    public Integer call() throws Exception {
        Loaded loaded = load(false);
        if (loaded == null) {
            return Loaded.CONFIG_ERROR;
        }
        AgentConfig agentConfig = loaded.config();
        if (agentConfig.host(host).isEmpty()) {
            spec.commandLine().getErr().println("No host \"" + host + "\" in " + config.file() + "; hosts: "
                    + agentConfig.hosts().stream().map(h -> h.id()).toList());
            return Loaded.CONFIG_ERROR;
        }
        DrainFile file = DrainFile.beside(agentConfig.file());
        boolean changed = file.set(host, drain);
        String state = drain ? "drained: it takes no new users" : "back in service";
        spec.commandLine().getOut().println("Host " + host + (changed ? " is now " : " was already ") + state
                + " (" + file.path() + ").");
        return 0;
    }
}
