package org.chatons.entraide.protocol;

/** Health of one host, as its probe measured it. */
public enum HostStatus {
    /** Answers normally. */
    UP,
    /** Answers, but something is wrong (slow, partial, unparseable figures): used only when no UP host is left. */
    DEGRADED,
    /** Does not answer, or answers with an error. */
    DOWN
}
