package org.chatons.entraide.agent.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the commands share: the {@code -c} option, their output streams, and the environment and clock they are
 * given (injected, so tests need no real variables).
 */
abstract class AgentCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    final Map<String, String> env;
    final Clock clock;

    AgentCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /** The configuration (and credentials when asked), or null after printing every problem. */
    Loaded load(boolean withCredentials) {
        return Loaded.load(config.file(), env, withCredentials, spec.commandLine().getErr());
    }
}
