package org.chatons.entraide.agent.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -c} option every command shares; the environment's PROBE_AGENT_CONFIG is its default. */
public final class ConfigOption {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            defaultValue = "${env:PROBE_AGENT_CONFIG:-probe-agent.yml}",
            description = "The configuration file (default: $PROBE_AGENT_CONFIG, else ${DEFAULT-VALUE}).")
    Path file;

    /** The configuration file to read. */
    public Path file() {
        return file;
    }
}
