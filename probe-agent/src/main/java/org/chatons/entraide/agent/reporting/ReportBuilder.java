package org.chatons.entraide.agent.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chatons.entraide.agent.adapters.ProbeResult;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;
import org.chatons.entraide.protocol.WireRules;

/**
 * Turns the latest probes into a report: every configured host (a report is the member's complete list), the
 * member's overrides and drained hosts applied, each host's {@code measuredAt}, and a {@code sentAt} strictly later
 * than the previous report's, since a broker refuses a report that is not newer than the last one it took (409).
 * It keeps, per host, since when every measurement found it up and taking new users (the report's {@code upSince}):
 * from the first such measurement after one that was not, or after the agent started (a restart starts it again,
 * which only makes the brokers wait longer).
 */
public final class ReportBuilder {

    private final AgentConfig config;
    private final Clock clock;
    private Instant lastSentAt = Instant.EPOCH;
    private final Map<String, Instant> upSince = new HashMap<>();

    public ReportBuilder(AgentConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Builds the report.
     *
     * @param latest  the latest probe of each host, by id; every configured host must have one
     * @param drained the hosts in maintenance
     */
    public synchronized Report build(Map<String, ProbeResult> latest, Set<String> drained) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        lastSentAt = now.isAfter(lastSentAt) ? now : lastSentAt.plusMillis(1);
        int interval = (int) config.interval().toSeconds();
        Instant oldest = lastSentAt.minus(Duration.ofSeconds((long) WireRules.MAX_MEASUREMENT_AGE_INTERVALS * interval));
        List<HostReport> hosts = new ArrayList<>();
        for (HostConfig host : config.hosts()) {
            ProbeResult probe = latest.get(host.id());
            if (probe == null) {
                throw new IllegalStateException("host " + host.id() + " has not been measured yet");
            }
            Instant measuredAt = probe.measuredAt().truncatedTo(ChronoUnit.MILLIS);
            Measurement measurement = probe.measurement();
            if (measuredAt.isAfter(lastSentAt)) {
                // The clock went back since the probe: it cannot have been measured after the report is sent.
                measuredAt = lastSentAt;
            } else if (measuredAt.isBefore(oldest)) {
                // Probe rounds are late (more hosts than threads, all timing out): what was measured then is not
                // the host's state now, and the brokers would refuse it. Unknown is told as DOWN, with why.
                measurement = Measurement.down("not measured for " + Duration.between(measuredAt, lastSentAt).toSeconds()
                        + " s: the agent's probe rounds are late");
                measuredAt = null;
            }
            boolean open = !drained.contains(host.id());
            HostReport first = hostReport(host, measurement, !open, measuredAt, null);
            hosts.add(hostReport(host, measurement, !open, measuredAt, streak(first, lastSentAt)));
        }
        return new Report(config.member(), lastSentAt, interval, hosts);
    }

    /** Since when the host has been up and open, this report included; null when it is not now. */
    private Instant streak(HostReport now, Instant sentAt) {
        if (now.status() == HostStatus.DOWN || !now.acceptsNewUsers()) {
            upSince.remove(now.id());
            return null;
        }
        Instant at = now.measuredAt() != null ? now.measuredAt() : sentAt;
        // The earlier of the two, should the clock have gone back: upSince is never after the measurement.
        return upSince.merge(now.id(), at, (before, later) -> before.isAfter(later) ? later : before);
    }

    /**
     * One host as the brokers are told of it: the member's overrides and maintenance applied.
     *
     * @param upSince since when it has been up and open, or null when unknown
     */
    public static HostReport hostReport(HostConfig host, Measurement m, boolean drained, Instant measuredAt,
                                        Instant upSince) {
        // Order of precedence: maintenance, then the member's override, then what the software says; anonymous
        // services say nothing and take new users.
        boolean accepting = !drained && (host.acceptsNewUsers() != null ? host.acceptsNewUsers()
                : m.acceptsNewUsers() == null || m.acceptsNewUsers());
        String detail = m.reason();
        if (drained) {
            detail = "drained for maintenance; " + detail;
        }
        // No count (software that publishes none, or a probe that could not read it) is sent as null, never as 0:
        // the broker then knows it does not know how busy the host is.
        return new HostReport(host.id(), host.service(), host.software(), host.url().toString(), m.status(), accepting,
                m.activeUsers(), host.capacityUsers(), m.load(), shorten(detail), measuredAt, host.rooms(), upSince);
    }

    static String shorten(String text) {
        return text.length() <= WireRules.MAX_DETAIL ? text : text.substring(0, WireRules.MAX_DETAIL - 3) + "...";
    }
}
