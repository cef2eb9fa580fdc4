package org.chatons.entraide.agent.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.Report;

/**
 * Turns the latest measurements into a report: every configured host (a report is the member's complete list),
 * the member's overrides and drained hosts applied, and a {@code sentAt} strictly later than the previous
 * report's, since a broker refuses a report that is not newer than the last one it took (409).
 */
public final class ReportBuilder {

    static final int MAX_DETAIL = 200;

    private final AgentConfig config;
    private final Clock clock;
    private Instant lastSentAt = Instant.EPOCH;

    public ReportBuilder(AgentConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Builds the report.
     *
     * @param latest  the latest measurement of each host, by id; every configured host must have one
     * @param drained the hosts in maintenance
     */
    public synchronized Report build(Map<String, Measurement> latest, Set<String> drained) {
        List<HostReport> hosts = new ArrayList<>();
        for (HostConfig host : config.hosts()) {
            Measurement m = latest.get(host.id());
            if (m == null) {
                throw new IllegalStateException("host " + host.id() + " has not been measured yet");
            }
            hosts.add(hostReport(host, m, drained.contains(host.id())));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        lastSentAt = now.isAfter(lastSentAt) ? now : lastSentAt.plusMillis(1);
        return new Report(config.member(), lastSentAt, (int) Math.max(1, config.interval().toSeconds()), hosts);
    }

    /** One host as the brokers are told of it: the member's overrides and maintenance applied. */
    public static HostReport hostReport(HostConfig host, Measurement m, boolean drained) {
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
                m.activeUsers(), host.capacityUsers(), m.load(), shorten(detail));
    }

    static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 3) + "...";
    }
}
