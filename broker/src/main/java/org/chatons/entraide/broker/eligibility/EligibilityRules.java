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
 * @param staleness how old a host's last report may be, from its agent's reporting interval
 * @param fullAt    estimated load at which a host counts as full (1.0 = its declared capacity)
 * @param zone      where the day of a member's confirmation date begins and ends
 */
public record EligibilityRules(Staleness staleness, double fullAt, ZoneId zone) {

    /** Rules under which every report goes stale at the same age: for the simulator, whose agents share one interval. */
    public EligibilityRules(Duration reportTtl, double fullAt, ZoneId zone) {
        this(Staleness.fixed(reportTtl), fullAt, zone);
    }

    /** The first reason, in order of precedence, why the host may not receive a new user, or ELIGIBLE. */
    public Eligibility assess(Host host, double reserved, boolean drained, Instant now) {
        if (!host.member().confirmedOn(now.atZone(zone).toLocalDate())) {
            return Eligibility.UNCONFIRMED;
        }
        if (drained) {
            return Eligibility.DRAINED;
        }
        if (!now.isBefore(staleAt(host))) {
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
     * Whether the host's report alone, less the users likely left since ({@code reserved} when negative), leaves it
     * room under the full-at threshold, whatever was sent since: where a person still goes when every host is full
     * by its estimate (the users sent since a report are a guess until the next one). Never for a host whose report
     * gives no load: the users sent are all the broker knows of it.
     */
    public boolean roomByReport(Host host, double reserved) {
        return host.loadKnown() && !full(host, Math.min(0, reserved));
    }

    /** How long the host's reports stay fresh: a few of its agent's reporting intervals, within bounds. */
    public Duration staleAfter(Host host) {
        return staleness.after(host.intervalSeconds());
    }

    /** When the host's last report goes stale, unless another comes first. */
    public Instant staleAt(Host host) {
        return host.observedAt().plus(staleAfter(host));
    }

    /**
     * The first instant at which the passing of time alone can change the host's eligibility: its report goes
     * stale, or its member's confirmation runs out. Until then only a new report, a drain or a redirect can.
     */
    public Instant timeChangesAt(Host host) {
        Instant stale = staleAt(host);
        Instant unconfirmed = host.member().confirmedUntil().plusDays(1).atStartOfDay(zone).toInstant();
        return stale.isBefore(unconfirmed) ? stale : unconfirmed;
    }
}
