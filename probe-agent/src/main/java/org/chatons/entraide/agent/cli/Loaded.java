package org.chatons.entraide.agent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.chatons.entraide.agent.adapters.AdapterRegistry;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.ConfigException;
import org.chatons.entraide.agent.config.ConfigLoader;
import org.chatons.entraide.agent.config.Credentials;
import org.chatons.entraide.agent.config.ExampleGuard;

/**
 * What every command starts from: the adapters, the validated configuration and, for the commands that talk to
 * brokers, the credentials. Loading prints every problem and yields nothing, so no command runs half-configured, nor on the example.
 *
 * @param adapters    the adapters found
 * @param config      the configuration
 * @param credentials the token and secrets, or null when not asked for
 */
record Loaded(AdapterRegistry adapters, AgentConfig config, Credentials credentials) {

    /** Exit code for a wrong configuration. */
    static final int CONFIG_ERROR = 2;

    /** Loads the configuration (and the credentials when asked); prints the problems and returns null if any. */
    static Loaded load(Path file, Map<String, String> env, boolean withCredentials, PrintWriter err) {
        AdapterRegistry adapters = AdapterRegistry.discover();
        try {
            AgentConfig config = new ConfigLoader(adapters.names()).load(file);
            ExampleGuard.refuseExample(file);
            config.warnings().forEach(warning -> err.println("Warning: " + warning));
            err.flush();
            Credentials credentials = withCredentials ? Credentials.resolve(config, env) : null;
            return new Loaded(adapters, config, credentials);
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            err.flush();
            return null;
        }
    }
}
