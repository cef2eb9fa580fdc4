package org.chatons.entraide.agent.config;

import java.util.List;

/** The configuration is wrong; each message names the file, the line and the key. */
public final class ConfigException extends Exception {

    private final List<String> problems;

    /** Every problem found, so a sysadmin fixes them all in one go rather than one per start. */
    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per problem. */
    public List<String> problems() {
        return problems;
    }
}
