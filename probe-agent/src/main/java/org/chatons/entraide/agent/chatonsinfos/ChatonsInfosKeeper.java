package org.chatons.entraide.agent.chatonsinfos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chatons.entraide.agent.adapters.ProbeResult;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.agent.reporting.ReportBuilder;
import org.chatons.entraide.protocol.HostReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each host's ChatonsInfos file ({@code chatonsinfos-file} in the configuration) saying OPEN or FULL as the
 * host is, after each round of probes; {@code check} asks it what it would write without writing.
 */
public final class ChatonsInfosKeeper {

    /** Larger files are not ChatonsInfos service files: left alone. */
    static final int MAX_BYTES = 1024 * 1024;

    /**
     * One host's file after a look.
     *
     * @param hostId  the host
     * @param file    its file
     * @param rewrite what it says and would say (null when it could not be read)
     * @param written whether it was rewritten now
     * @param problem what is wrong, for people, or null
     */
    public record Outcome(String hostId, Path file, ChatonsInfosFile.Rewrite rewrite, boolean written, String problem) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChatonsInfosKeeper.class);

    private final double fullAt;
    private final double openBelow;
    private final Clock clock;
    private final ZoneId zone;
    private final List<HostConfig> hosts;
    /** The last problem said of each host's file, so the log says it once, not every round. */
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    /**
     * @param fullAt    load at which a host's file says FULL
     * @param openBelow load under which it says OPEN again
     * @param clock     for {@code file.datetime}
     * @param zone      the zone {@code file.datetime} is written in (the server's, as the models write it)
     */
    public ChatonsInfosKeeper(double fullAt, double openBelow, Clock clock, ZoneId zone) {
        this(fullAt, openBelow, clock, zone, List.of());
    }

    private ChatonsInfosKeeper(double fullAt, double openBelow, Clock clock, ZoneId zone, List<HostConfig> hosts) {
        this.fullAt = fullAt;
        this.openBelow = openBelow;
        this.clock = clock;
        this.zone = zone;
        this.hosts = List.copyOf(hosts);
    }

    /** The keeper of an agent's files: its hosts and thresholds, the server's zone for {@code file.datetime}. */
    public static ChatonsInfosKeeper of(AgentConfig config, Clock clock) {
        return new ChatonsInfosKeeper(config.chatonsinfosFullAt(), config.chatonsinfosOpenBelow(), clock,
                ZoneId.systemDefault(), config.hosts());
    }

    /**
     * After a round of probes: rewrites the files whose OPEN or FULL no longer holds, and logs each rewrite, and
     * each problem once until it changes.
     *
     * @param latest  the latest probe of each host, by id
     * @param drained the hosts in maintenance
     */
    public void afterRound(Map<String, ProbeResult> latest, Set<String> drained) {
        Map<String, HostReport> reports = new HashMap<>();
        for (HostConfig h : hosts) {
            ProbeResult probe = latest.get(h.id());
            if (probe != null && h.chatonsinfosFile() != null) {
                reports.put(h.id(), ReportBuilder.hostReport(h, probe.measurement(), drained.contains(h.id()),
                        probe.measuredAt(), null));
            }
        }
        for (Outcome outcome : keep(hosts, reports, true)) {
            String problem = outcome.problem();
            if (outcome.written()) {
                LOG.info("Host {}: {} now says service.registration.load = {} (was {})", outcome.hostId(),
                        outcome.file(), outcome.rewrite().after(), outcome.rewrite().before());
            }
            if (!Objects.equals(problem == null ? "" : problem, problems.put(outcome.hostId(),
                    problem == null ? "" : problem)) && problem != null) {
                LOG.warn("Host {}: ChatonsInfos file {} {}", outcome.hostId(), outcome.file(), problem);
            }
        }
    }

    /**
     * Looks at the file of every host that has one, and rewrites it when {@code write} and its value must change.
     *
     * @param hosts   the configured hosts
     * @param reports what the agent reports of each, by host id
     */
    public List<Outcome> keep(List<HostConfig> hosts, Map<String, HostReport> reports, boolean write) {
        List<Outcome> outcomes = new ArrayList<>();
        for (HostConfig host : hosts) {
            HostReport report = reports.get(host.id());
            if (host.chatonsinfosFile() != null && report != null) {
                outcomes.add(keep(host.id(), host.chatonsinfosFile(), report, write));
            }
        }
        return outcomes;
    }

    private Outcome keep(String hostId, Path file, HostReport report, boolean write) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new Outcome(hostId, file, null, false, "larger than 1 MiB: not a service file, left alone");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Outcome(hostId, file, null, false,
                    "no such file (the agent never creates it: point chatonsinfos-file at the service file you publish)");
        } catch (IOException e) {
            return new Outcome(hostId, file, null, false, "cannot be read: " + e.getMessage());
        }
        String current = ChatonsInfosFile.load(bytes);
        if (current == null) {
            return new Outcome(hostId, file, null, false,
                    "has no service.registration.load line: add 'service.registration.load = OPEN' to it once");
        }
        String next = RegistrationLoad.next(current, report, fullAt, openBelow);
        ChatonsInfosFile.Rewrite rewrite = ChatonsInfosFile.rewrite(bytes, next,
                LocalDateTime.ofInstant(clock.instant(), zone));
        if (!rewrite.changes() && !next.equalsIgnoreCase(current)) {
            return new Outcome(hostId, file, rewrite, false, "its service.registration.load line cannot be rewritten"
                    + " in place (continued over lines or escaped): write it on one line, as 'service.registration.load = "
                    + current + "'");
        }
        if (!write || !rewrite.changes()) {
            return new Outcome(hostId, file, rewrite, false, null);
        }
        try {
            ChatonsInfosFile.write(file, rewrite.bytes());
            return new Outcome(hostId, file, rewrite, true, null);
        } catch (IOException e) {
            return new Outcome(hostId, file, rewrite, false, "cannot be rewritten (the agent needs to write in its"
                    + " folder): " + e.getMessage());
        }
    }
}
