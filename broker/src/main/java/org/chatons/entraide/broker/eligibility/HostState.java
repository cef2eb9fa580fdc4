package org.chatons.entraide.broker.eligibility;

import java.time.Duration;
import org.chatons.entraide.broker.registry.Host;

/**
 * One host as the broker judges it at one instant.
 *
 * @param host          the host and its last report
 * @param verdict       ELIGIBLE, or the first reason why not
 * @param eligible      whether it may receive a new user now: ELIGIBLE, or DEGRADED while its service has no
 *                      ELIGIBLE host, or FULL by its estimate only (its report leaves room) while its service has
 *                      neither
 * @param estimatedLoad reported load plus the users sent there since the report, over capacity
 * @param age           time since its figures were measured
 * @param staleAfter    the age at which its report goes stale (from its agent's reporting interval)
 * @param drained       whether a coordinator drained it
 */
public record HostState(Host host, Eligibility verdict, boolean eligible, double estimatedLoad, Duration age,
                        Duration staleAfter, boolean drained) {

    /** The same judgement, made eligible: the fallback when its service has no ELIGIBLE host (see {@link #eligible}). */
    HostState asFallback() {
        return new HostState(host, verdict, true, estimatedLoad, age, staleAfter, drained);
    }
}
