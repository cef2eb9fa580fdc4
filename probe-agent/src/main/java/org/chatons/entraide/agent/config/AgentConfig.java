package org.chatons.entraide.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole of {@code probe-agent.yml}, validated: an instance exists only when every key was right.
 *
 * @param file        the file it was read from (the drain state file lives beside it)
 * @param member      the member's id, as the brokers know it
 * @param token       where the member's bearer token is
 * @param brokers     every broker's base URL; each gets every report
 * @param interval    how often a full report is sent
 * @param timeout     how long one probe may take before its host counts as DOWN
 * @param metricsPort the local port of the agent's own Prometheus metrics; 0 for none
 * @param hosts       the member's hosts, at least one
 * @param warnings    what is allowed but unwise (a broker on plain http), with file, line and key, for the sysadmin
 * @param chatonsinfosFullAt    load at which a host's ChatonsInfos file is set to FULL
 * @param chatonsinfosOpenBelow load under which it is set back to OPEN
 */
public record AgentConfig(
        Path file,
        String member,
        SecretRef token,
        List<URI> brokers,
        Duration interval,
        Duration timeout,
        int metricsPort,
        List<HostConfig> hosts,
        List<String> warnings,
        double chatonsinfosFullAt,
        double chatonsinfosOpenBelow) {

    /** Default {@link #chatonsinfosFullAt()}: the broker's own full-at. */
    public static final double FULL_AT = 0.85;
    /** Default {@link #chatonsinfosOpenBelow()}: well under it, so a file does not flip at every probe. */
    public static final double OPEN_BELOW = 0.70;

    public AgentConfig {
        brokers = List.copyOf(brokers);
        hosts = List.copyOf(hosts);
        warnings = List.copyOf(warnings);
    }

    /** A configuration without warnings, with the default ChatonsInfos thresholds. */
    public AgentConfig(Path file, String member, SecretRef token, List<URI> brokers, Duration interval,
                       Duration timeout, int metricsPort, List<HostConfig> hosts) {
        this(file, member, token, brokers, interval, timeout, metricsPort, hosts, List.of(), FULL_AT, OPEN_BELOW);
    }

    /** The configured host with this id, if any. */
    public Optional<HostConfig> host(String id) {
        return hosts.stream().filter(h -> h.id().equals(id)).findFirst();
    }
}
