package org.chatons.entraide.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code probe-agent.yml}: the file's text here, its binding and checks behind a {@link ConfigParser}
 * ({@code binding/}), which is loaded by a class loader of its own ({@link BindingLoader}) and left to the
 * collector once the configuration is read, Jackson's data binding with it.
 */
public final class ConfigLoader {

    private final Set<String> knownSoftware;

    /** @param knownSoftware the adapters' names, so an unknown one can be refused with the list of known ones */
    public ConfigLoader(Collection<String> knownSoftware) {
        this.knownSoftware = new TreeSet<>(knownSoftware);
    }

    /** Reads and validates the file; throws with every problem found. */
    public AgentConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read the configuration (" + e.getMessage() + ")"));
        }
        return parse(text, file);
    }

    /** Validates configuration text that was read from {@code file}. */
    public AgentConfig parse(String text, Path file) throws ConfigException {
        return BindingLoader.parse(text, file, knownSoftware);
    }
}
