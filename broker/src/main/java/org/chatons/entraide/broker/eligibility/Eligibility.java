package org.chatons.entraide.broker.eligibility;

/** Whether a host may receive a new user now, and if not, the first reason why not. */
public enum Eligibility {
    /** May receive a new user. */
    ELIGIBLE,
    /** Would be eligible but reports DEGRADED: used only when no host of its service is ELIGIBLE. */
    DEGRADED,
    /** Its estimated load reached the full-at threshold. */
    FULL,
    /** Reports it does not accept new users (registrations closed, maintenance, draining on the member's side). */
    CLOSED,
    /** Reports DOWN. */
    DOWN,
    /**
     * Its last report is older than a few of its agent's reporting intervals (see {@link Staleness}): a dead man's
     * switch for hosts and agents that went silent.
     */
    STALE,
    /** Drained by a coordinator. */
    DRAINED,
    /** Its member's yearly confirmation has lapsed. */
    UNCONFIRMED;

    public boolean eligible() {
        return this == ELIGIBLE;
    }
}
