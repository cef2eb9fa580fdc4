package org.chatons.entraide.broker;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.chatons.entraide.broker.config.DecisionInputs;

/** A clock the test moves by hand; replaces the system clock in every Micronaut test. */
@Singleton
@Requires(env = "test")
@Replaces(value = Clock.class, factory = DecisionInputs.class)
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-11-23T18:00:00Z");

    private volatile Instant now = START;

    public TestClock() {
    }

    public TestClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same moving time, seen in that zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        InstantSource moving = this::instant;
        return zone.equals(getZone()) ? this : moving.withZone(zone);
    }
}
