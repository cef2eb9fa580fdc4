package org.chatons.entraide.broker.drains;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.protocol.WireRules;

/**
 * A coordinator's last decision about one host: drained or not, and when. Brokers exchange these and keep, for
 * each host, the one that {@link #supersedes} the others, so that a drain or an undrain made on any broker reaches
 * all of them (last writer wins).
 *
 * @param member    the host's member
 * @param host      the host's id
 * @param drained   true for a drain, false for an undrain
 * @param changedAt when the coordinator decided, on the clock of the broker that took the decision
 */
@Serdeable
public record DrainState(String member, String host, boolean drained, Instant changedAt) {

    public DrainState(HostKey key, boolean drained, Instant changedAt) {
        this(key.member(), key.host(), drained, changedAt);
    }

    public HostKey key() {
        return new HostKey(member, host);
    }

    /** What is wrong with a decision received from another broker, or null when it can be taken. */
    public String problem() {
        if (!WireRules.isId(member)) {
            return "member: '" + member + "' (expected: " + WireRules.ID_PATTERN + ")";
        }
        if (!WireRules.isId(host)) {
            return "host: '" + host + "' (expected: " + WireRules.ID_PATTERN + ")";
        }
        return changedAt == null ? "changedAt: required (an instant such as 2026-11-23T18:00:00Z)" : null;
    }

    /** Whether this decision wins over another about the same host: the later one; at the same instant, a drain. */
    public boolean supersedes(DrainState other) {
        int order = changedAt.compareTo(other.changedAt);
        return order > 0 || order == 0 && drained && !other.drained;
    }
}
