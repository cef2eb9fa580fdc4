package org.chatons.entraide.broker.eligibility;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.chatons.entraide.broker.registry.Host;
import org.chatons.entraide.protocol.HostStatus;

/**
 * The rules that decide whether a host may receive a new user. Pure: the time is an argument, so the same rules
 * run live, in tests on a fake clock, and in the simulator in virtual time.
 *
 * @param reportTtl a report older than this is stale
 * @param fullAt    estimated load at which a host counts as full (1.0 = its declared capacity)
 * @param zone      where the day of a member's confirmation date begins and ends
 */
public record EligibilityRules(Duration reportTtl, double fullAt, ZoneId zone) {

    /** The first reason, in order of precedence, why the host may not receive a new user, or ELIGIBLE. */
    public Eligibility assess(Host host, double reserved, boolean drained, Instant now) {
        if (!host.member().confirmedOn(now.atZone(zone).toLocalDate())) {
            return Eligibility.UNCONFIRMED;
        }
        if (drained) {
            return Eligibility.DRAINED;
        }
        if (!now.isBefore(host.observedAt().plus(reportTtl))) {
            return Eligibility.STALE;
        }
        if (host.status() == HostStatus.DOWN) {
            return Eligibility.DOWN;
        }
        if (!host.acceptsNewUsers()) {
            return Eligibility.CLOSED;
        }
        if (full(host, reserved)) {
            return Eligibility.FULL;
        }
        return host.status() == HostStatus.DEGRADED ? Eligibility.DEGRADED : Eligibility.ELIGIBLE;
    }

    /**
     * Whether the host's estimated load reached the full-at threshold. For a host whose load is unknown, when this
     * broker's redirects since its last report stand for that share of its capacity (see {@link Host#estimatedLoad}).
     *
     * @param reserved the users this broker's redirects since the report stand for
     */
    public boolean full(Host host, double reserved) {
        return !(host.estimatedLoad(reserved) < fullAt);
    }

    /**
     * The first instant at which the passing of time alone can change the host's eligibility: its report goes
     * stale, or its member's confirmation runs out. Until then only a new report, a drain or a redirect can.
     */
    public Instant timeChangesAt(Host host) {
        Instant stale = host.observedAt().plus(reportTtl);
        Instant unconfirmed = host.member().confirmedUntil().plusDays(1).atStartOfDay(zone).toInstant();
        return stale.isBefore(unconfirmed) ? stale : unconfirmed;
    }
}
