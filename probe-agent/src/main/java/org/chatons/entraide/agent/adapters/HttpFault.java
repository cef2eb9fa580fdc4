package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import org.chatons.entraide.protocol.HostStatus;

/**
 * An answer the agent will not use, found by {@link Http} rather than by an adapter: a redirect loop, a redirect to
 * another host. It carries the status the host gets, so the runner reports it like any other transport failure.
 */
public final class HttpFault extends IOException {

    private final HostStatus status;

    /**
     * @param status DOWN when the service cannot be used at all, DEGRADED when it answers but not as it should
     * @param reason for people: what was seen
     */
    public HttpFault(HostStatus status, String reason) {
        super(reason, null);
        this.status = status;
    }

    /** The status the host gets. */
    public HostStatus status() {
        return status;
    }
}
