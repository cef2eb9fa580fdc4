package org.chatons.entraide.agent.config;

/**
 * A credential read from the environment or a file. Its {@link #toString()} hides the value, so a secret that
 * ends up in a log line, an exception or a debugger shows nothing.
 */
public final class Secret {

    private final String value;

    /** Wraps a credential; surrounding white space (a file's final newline) is not part of it. */
    public Secret(String value) {
        this.value = value.strip();
    }

    /** The credential itself, only for the header that carries it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
