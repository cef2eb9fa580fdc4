package org.chatons.entraide.broker.registry;

import java.time.Instant;
import org.chatons.entraide.broker.counting.RedirectWeight;
import org.chatons.entraide.broker.counting.Sends;
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
    /**
     * The users of the report who came through this broker, as many as are likely still there when it was
     * measured: at most the report's users. Unlike the users who came directly, whom new direct arrivals replace,
     * these leave without anyone replacing them but the users this broker sends next, which it counts.
     */
    private final double cameThroughUs;

    TrackedHost(Host host, Sends sends, RedirectWeight<HostKey> weight) {
        this.host = host;
        this.sends = sends;
        this.weight = weight;
        Integer users = host.activeUsers();
        this.cameThroughUs = users == null ? 0
                : Math.min(users, weight.value() * sends.reported(host.observedAt().toEpochMilli(), staySeconds()));
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

    /**
     * The users those redirects stand for, as of the latest one: as many as the service's reports confirm redirects
     * become users, and as are likely still there ({@link Sends}).
     */
    public double reserved() {
        return weight.value() * sends.present();
    }

    /**
     * The same, at that instant, less the report's users sent by this broker who have likely left since it was
     * measured: both leave as the service's usual stay says. Negative when more of them left than were sent since.
     * Each broker knows only its own users, so with several brokers fewer leave than really do: a host is judged
     * fuller than it is, never emptier.
     */
    public double reserved(Instant now) {
        long millis = now.toEpochMilli();
        double stay = staySeconds();
        double left = cameThroughUs == 0 ? 0
                : cameThroughUs * (1 - Sends.survival(millis - host.observedAt().toEpochMilli(), stay));
        return weight.value() * sends.present(millis, stay) - left;
    }

    /**
     * When the host, full by its estimate {@code now}, has room again under {@code fullAt} if no one else is sent
     * there: its users sent, and those of its report who came through this broker, leaving as the stay says.
     * {@link Instant#MAX} when only its next report can tell.
     */
    public Instant roomAt(double fullAt, Instant now) {
        double stay = staySeconds();
        if (stay == Double.POSITIVE_INFINITY || !host.loadKnown()) {
            return Instant.MAX;
        }
        long millis = now.toEpochMilli();
        double capacity = host.capacity();
        double staying = host.reportedLoad() - cameThroughUs / capacity;
        double leaving = (weight.value() * sends.present(millis, stay)
                + cameThroughUs * Sends.survival(millis - host.observedAt().toEpochMilli(), stay)) / capacity;
        double margin = fullAt - staying;
        if (!(margin > 0)) {
            return Instant.MAX;
        }
        return leaving <= margin ? now : now.plusMillis((long) Math.ceil(stay * 1000 * Math.log(leaving / margin)));
    }

    public double estimatedLoad() {
        return host.estimatedLoad(reserved());
    }

    public double estimatedLoad(Instant now) {
        return host.estimatedLoad(reserved(now));
    }

    /** Counts one user sent there at that instant. */
    public void sent(Instant now) {
        sends.add(now, staySeconds());
        if (host.activeUsers() != null) {
            // Only hosts whose reports can confirm arrivals measure the service's rate of redirects against them.
            weight.sent(now);
        }
    }

    /**
     * How long a user sent there stays on average: the service's learned stay where the reports count users; where
     * they do not, the users sent are all the broker knows of the host, a lower bound, so each counts until the
     * next report.
     */
    double staySeconds() {
        return host.activeUsers() != null ? weight.sentStaySeconds() : Double.POSITIVE_INFINITY;
    }

    Sends sends() {
        return sends;
    }
}
