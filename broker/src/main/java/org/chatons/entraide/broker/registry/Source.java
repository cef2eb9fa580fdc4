package org.chatons.entraide.broker.registry;

import java.util.Locale;

/** Where the broker learnt of a host. */
public enum Source {
    /** The member's probe agent measures it and reports every interval: measured live. */
    AGENT,
    /**
     * Declared in the member's ChatonsInfos files, checked from outside by the broker's public probe: the member
     * runs no agent. An agent's report replaces its member's declared hosts.
     */
    CHATONSINFOS;

    /** {@code agent} or {@code chatonsinfos}: in the API and as a metric label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
