package org.chatons.entraide.broker.eligibility;

import java.time.Duration;

/**
 * How old a host's last report may be before the host is STALE: a few of its own agent's reporting intervals (the
 * report's {@code intervalSeconds}), so an agent that reports every two minutes is not stale between two reports
 * and one that reports every ten seconds is noticed silent within half a minute. Bounded both ways: a very short
 * interval must not make a host stale on one late report, and a very long one must not keep a host eligible on
 * figures too old to say anything about its load.
 *
 * @param intervals how many reporting intervals a report stays fresh
 * @param min       the shortest time a report stays fresh, whatever the interval
 * @param max       the longest time a report stays fresh, whatever the interval
 */
public record Staleness(int intervals, Duration min, Duration max) {

    public Staleness {
        if (intervals < 1) {
            throw new IllegalArgumentException("intervals: " + intervals + " (expected: >= 1)");
        }
        if (min == null || max == null || min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("min " + min + ", max " + max + " (expected: 0 < min <= max)");
        }
    }

    /** One age for every host, whatever its interval: for the simulator and benchmarks, which have one interval. */
    public static Staleness fixed(Duration age) {
        return new Staleness(1, age, age);
    }

    /** How long a report sent by an agent reporting every {@code intervalSeconds} stays fresh. */
    public Duration after(int intervalSeconds) {
        Duration fresh = Duration.ofSeconds((long) intervals * Math.max(0, intervalSeconds));
        if (fresh.compareTo(min) < 0) {
            return min;
        }
        return fresh.compareTo(max) > 0 ? max : fresh;
    }
}
