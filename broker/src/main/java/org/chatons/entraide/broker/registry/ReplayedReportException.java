package org.chatons.entraide.broker.registry;

import java.time.Instant;

/** A report not newer than the last one accepted from its member: a replay, or an agent whose clock went back. */
public final class ReplayedReportException extends RuntimeException {

    private final transient Instant lastAccepted;

    public ReplayedReportException(Instant lastAccepted) {
        super("not newer than the last report accepted from this member (" + lastAccepted + ")");
        this.lastAccepted = lastAccepted;
    }

    public Instant lastAccepted() {
        return lastAccepted;
    }
}
