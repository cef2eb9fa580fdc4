package org.chatons.entraide.agent.config;

import java.nio.file.Path;
import java.util.Set;

/** Binds and checks the text of {@code probe-agent.yml}; the binding's classes are behind it (see {@link ConfigLoader}). */
public interface ConfigParser {

    /**
     * @param text          the file's text
     * @param file          where it was read (named in messages; a relative chatonsinfos-file is taken from its folder)
     * @param knownSoftware the adapters' names, so an unknown one is refused with the list of known ones
     */
    AgentConfig parse(String text, Path file, Set<String> knownSoftware) throws ConfigException;
}
