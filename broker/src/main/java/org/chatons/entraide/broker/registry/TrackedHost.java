package org.chatons.entraide.broker.registry;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host as the registry holds it: its last report, and how many users this broker sent there since. A new
 * report replaces the whole object, which resets the count: the report now includes those users.
 */
public final class TrackedHost {

    private final Host host;
    private final AtomicInteger sentSinceReport = new AtomicInteger();

    TrackedHost(Host host) {
        this.host = host;
    }

    public Host host() {
        return host;
    }

    public int sentSinceReport() {
        return sentSinceReport.get();
    }

    public double estimatedLoad() {
        return host.estimatedLoad(sentSinceReport.get());
    }

    /** Counts one user sent there. */
    public void sent() {
        sentSinceReport.incrementAndGet();
    }
}
