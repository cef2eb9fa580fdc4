package org.chatons.entraide.broker.publicprobe;

/** How a declared host is probed from outside: what its software shows without a password (public-endpoints.md). */
public enum ProbeKind {
    /** {@code GET /stats}: health and users now. */
    ETHERPAD,
    /** {@code GET /status.php}: installed, maintenance. */
    NEXTCLOUD,
    /** NodeInfo discovery (cached) then the document: open registrations. */
    NODEINFO,
    /** {@code GET /status}: users on notes now. */
    HEDGEDOC,
    /** A GET of the service's address: it answers, or not. */
    PLAIN;

    /** Whether its user count is of people connected now, so that it makes a load against a capacity. */
    public boolean countsUsersNow() {
        return this == ETHERPAD || this == HEDGEDOC;
    }
}
