package org.chatons.entraide.broker.registry;

import java.time.Instant;
import org.chatons.entraide.broker.counting.RedirectWeight;
import org.chatons.entraide.broker.members.Member;

/**
 * A host as the registry holds it: its last report, and the users this broker sent there that the report does not
 * count yet. A new report replaces the whole object; the users sent before it are in it, except those sent in the
 * last moments before the host was measured, who had not joined yet: they move to the new object (see
 * {@link Sends}). Those users count in the estimate as much as the service's reports confirm that redirects
 * become users ({@link RedirectWeight}).
 */
public final class TrackedHost {

    private final Host host;
    private final Sends sends;
    private final RedirectWeight<HostKey> weight;

    TrackedHost(Host host, Sends sends, RedirectWeight<HostKey> weight) {
        this.host = host;
        this.sends = sends;
        this.weight = weight;
    }

    /**
     * The same host under its member's new details (a members file reloaded), sharing its sends: a user sent
     * through the old object while it is replaced still counts.
     */
    TrackedHost withMember(Member member) {
        return new TrackedHost(host.withMember(member), sends, weight);
    }

    public Host host() {
        return host;
    }

    /** Users sent there (and counted) since the report, or shortly before it was measured. */
    public int sentSinceReport() {
        return sends.total();
    }

    /** The users those redirects stand for: as many as the service's reports confirm redirects become users. */
    public double reserved() {
        return weight.value() * sends.total();
    }

    public double estimatedLoad() {
        return host.estimatedLoad(reserved());
    }

    /** Counts one user sent there at that instant. */
    public void sent(Instant now) {
        sends.add(now);
        if (host.activeUsers() != null) {
            // Only hosts whose reports can confirm arrivals measure the service's rate of redirects against them.
            weight.sent(now);
        }
    }

    Sends sends() {
        return sends;
    }
}
