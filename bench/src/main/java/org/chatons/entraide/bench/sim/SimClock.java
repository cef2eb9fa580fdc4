package org.chatons.entraide.bench.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The broker's clock in virtual time: always the time of the event being run. */
public final class SimClock extends Clock {

    /** Virtual time 0. */
    public static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    private final EventQueue events;

    public SimClock(EventQueue events) {
        this.events = events;
    }

    @Override
    public Instant instant() {
        return START.plusMillis(events.now());
    }

    @Override
    public long millis() {
        return START.toEpochMilli() + events.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
