package org.chatons.entraide.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;

/** Time the test moves: what the agent stamps on its reports and probes is then known exactly. */
public final class MutableClock implements InstantSource {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock, forward or back. */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** The clock the code under test is given: this time, in UTC. */
    public Clock utc() {
        return withZone(ZoneOffset.UTC);
    }
}
