package org.chatons.entraide.broker.registry;

import java.time.Duration;
import java.time.Instant;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;

/**
 * What the broker knows of one host: its member, its last report, and when that report was measured.
 *
 * @param key             member and host id
 * @param member          the host's member
 * @param report          the host's part of the member's last accepted report (already validated)
 * @param observedAt      when the figures were measured: the host's measuredAt, else the report's sentAt, but never
 *                        later than the report's sentAt nor its arrival, so an agent whose clock runs ahead cannot
 *                        make its reports look fresher
 * @param intervalSeconds how often the agent reports (for a declared host: how often the broker probes it)
 * @param source          measured by the member's agent, or declared in ChatonsInfos and probed from outside
 */
public record Host(HostKey key, Member member, HostReport report, Instant observedAt, int intervalSeconds,
                   Source source) {

    /** A host its member's agent reports. */
    public Host(HostKey key, Member member, HostReport report, Instant observedAt, int intervalSeconds) {
        this(key, member, report, observedAt, intervalSeconds, Source.AGENT);
    }

    public String service() {
        return report.service();
    }

    public HostStatus status() {
        return report.status();
    }

    public int capacity() {
        return report.capacityUsers();
    }

    /** Users active at the last report, or null when the report does not count them. */
    public Integer activeUsers() {
        return report.activeUsers();
    }

    public boolean acceptsNewUsers() {
        return report.acceptsNewUsers();
    }

    /** Whether the last report gives a load: the software's own figure, or a user count. */
    public boolean loadKnown() {
        return report.loadKnown();
    }

    /** The load as reported: the software's own figure, or users over capacity; NaN when unknown. */
    public double reportedLoad() {
        return report.effectiveLoad();
    }

    /**
     * Reported load corrected by the users this broker sent there that the report does not count yet (Jicofo).
     *
     * <p>When the load is unknown only those users count, on a base of 0: all the broker knows is that they are
     * there. That is a lower bound, not an estimate, so the selection ranks such a host after every host whose
     * load is known (see {@code selection.Comparison}); as an estimate it still makes the host FULL once this
     * broker alone has sent it {@code full-at} of its capacity since its last report.
     *
     * @param reserved the users this broker's redirects since the report stand for (see {@code TrackedHost})
     */
    public double estimatedLoad(double reserved) {
        return (loadKnown() ? reportedLoad() : 0) + reserved / capacity();
    }

    /** The same host and report under its member's new details (a members file reloaded). */
    public Host withMember(Member changed) {
        return new Host(key, changed, report, observedAt, intervalSeconds, source);
    }

    public Duration age(Instant now) {
        return Duration.between(observedAt, now);
    }
}
