package org.chatons.entraide.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses to run on the example configuration ({@code probe-agent/probe-agent.example.yml}, installed by the Debian
 * package as {@code /etc/entraide/probe-agent.yml}): its member, brokers and hosts are made up, so an agent enabled
 * at install and started at the next boot would only fail and retry. The same test as the package's postinst: the
 * file is the example, byte for byte.
 */
public final class ExampleGuard {

    private static final String EXAMPLE = "probe-agent.example.yml";

    private ExampleGuard() {
    }

    /** Throws a one-line {@link ConfigException} when the configuration file is the example. */
    public static void refuseExample(Path file) throws ConfigException {
        if (sameText(file)) {
            throw new ConfigException(List.of(file + " is still the example: set your member id, your brokers and"
                    + " your hosts in it (probe-agent(1)), then start again"));
        }
    }

    private static boolean sameText(Path file) throws ConfigException {
        try (InputStream example = ExampleGuard.class.getResourceAsStream(EXAMPLE)) {
            if (example == null) {
                throw new IllegalStateException(EXAMPLE + " is missing from the agent's jar");
            }
            return new String(example.readAllBytes(), StandardCharsets.UTF_8)
                    .equals(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot be read: " + e.getMessage()));
        }
    }
}
