package org.chatons.entraide.probes;

import org.chatons.entraide.protocol.HostStatus;

/**
 * What one probe found. Figures the software does not give stay null.
 *
 * @param status          UP, DEGRADED or DOWN
 * @param acceptsNewUsers what the software says of registrations (null: it does not say, anyone may use it)
 * @param activeUsers     users active now, as the software counts them
 * @param load            the software's own normalised load (1.0 = full), when it has one
 * @param reason          for people: what was seen, or what went wrong
 */
public record Measurement(HostStatus status, Boolean acceptsNewUsers, Integer activeUsers, Double load, String reason) {

    /** The host answers normally. */
    public static Measurement up(String reason) {
        return new Measurement(HostStatus.UP, null, null, null, reason);
    }

    /** The host answers, but something is off. */
    public static Measurement degraded(String reason) {
        return new Measurement(HostStatus.DEGRADED, null, null, null, reason);
    }

    /** The host does not work. */
    public static Measurement down(String reason) {
        return new Measurement(HostStatus.DOWN, null, null, null, reason);
    }

    /** The same with a user count. */
    public Measurement withUsers(Integer users) {
        return new Measurement(status, acceptsNewUsers, users, load, reason);
    }

    /** The same with what the software says of new users. */
    public Measurement withAccepting(Boolean accepting) {
        return new Measurement(status, accepting, activeUsers, load, reason);
    }

    /** The same with the software's own load figure. */
    public Measurement withLoad(Double value) {
        return new Measurement(status, acceptsNewUsers, activeUsers, value, reason);
    }

    /** The same, degraded, with a reason added: a secondary endpoint failed while the service itself answers. */
    public Measurement degradedBecause(String why) {
        HostStatus worst = status == HostStatus.DOWN ? HostStatus.DOWN : HostStatus.DEGRADED;
        return new Measurement(worst, acceptsNewUsers, activeUsers, load, reason + "; " + why);
    }

    /** The same with a note added to the reason. */
    public Measurement noting(String note) {
        return new Measurement(status, acceptsNewUsers, activeUsers, load, reason + "; " + note);
    }
}
