package org.chatons.entraide.broker.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.chatons.entraide.protocol.WireRules;

/**
 * The broker's settings, under {@code broker.} (env {@code BROKER_...}). Every default and its meaning is in
 * {@code application.yml}, and only there.
 */
@ConfigurationProperties("broker")
public record BrokerConfig(
        Path membersFile,
        int staleAfterIntervals,
        Duration staleAfterMin,
        Duration staleAfterMax,
        double fullAt,
        String policy,
        int choices,
        int brokers,
        double nearTolerance,
        @Nullable String adminTokenSha256,
        @Nullable String adminToken,
        @Nullable String drainsFile,
        List<String> peers,
        Duration peerSyncInterval,
        Duration maxClockAhead,
        Duration forgetAfter,
        Duration retryAfter,
        String timeZone) {

    public BrokerConfig {
        require(membersFile != null, "broker.members-file: missing (expected: the path of the members YAML file)");
        require(staleAfterIntervals >= 1, "broker.stale-after-intervals: " + staleAfterIntervals
                + " (expected: >= 1, how many of its agent's reporting intervals a host's report stays fresh)");
        require(staleAfterMin != null && staleAfterMin.compareTo(Duration.ofSeconds(1)) >= 0,
                "broker.stale-after-min: " + staleAfterMin + " (expected: at least 1s)");
        require(staleAfterMax != null && staleAfterMax.compareTo(staleAfterMin) >= 0,
                "broker.stale-after-max: " + staleAfterMax + " (expected: at least broker.stale-after-min, "
                        + staleAfterMin + ")");
        require(fullAt > 0 && fullAt <= 1, "broker.full-at: " + fullAt + " (expected: > 0 and <= 1)");
        require(choices >= 1, "broker.choices: " + choices + " (expected: >= 1)");
        require(brokers >= 1,
                "broker.brokers: " + brokers + " (expected: >= 1, the number of brokers sharing the users)");
        require(nearTolerance >= 0 && nearTolerance <= 1,
                "broker.near-tolerance: " + nearTolerance + " (expected: between 0 and 1, e.g. 0.12)");
        require(policy != null && !policy.isBlank(), "broker.policy: missing");
        require(adminTokenSha256 == null || adminTokenSha256.isBlank() || Sha256.isHex(adminTokenSha256),
                "broker.admin-token-sha256: expected 64 hexadecimal characters (the SHA-256 of the admin token)");
        peers = peers == null ? List.of() : peers.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        peers.forEach(peer -> require(peerProblem(peer) == null, "broker.peers: '" + peer + "' " + peerProblem(peer)));
        require(peers.isEmpty() || adminToken != null && !adminToken.isBlank(), "broker.admin-token: missing "
                + "(expected with broker.peers: the coordinators' admin token, which brokers show each other)");
        require(adminToken == null || adminToken.isBlank() || adminTokenSha256 == null || adminTokenSha256.isBlank()
                || Sha256.matches(adminToken, adminTokenSha256),
                "broker.admin-token: its SHA-256 is not broker.admin-token-sha256 (expected: the same token)");
        require(peerSyncInterval != null && peerSyncInterval.compareTo(Duration.ofSeconds(1)) >= 0,
                "broker.peer-sync-interval: " + peerSyncInterval + " (expected: at least 1s)");
        require(maxClockAhead != null && !maxClockAhead.isNegative(), "broker.max-clock-ahead: " + maxClockAhead);
        require(forgetAfter != null && forgetAfter.compareTo(staleAfterMax) > 0,
                "broker.forget-after: " + forgetAfter + " (expected: longer than broker.stale-after-max)");
        require(retryAfter != null && !retryAfter.isNegative(), "broker.retry-after: " + retryAfter);
        require(zoneProblem(timeZone) == null, "broker.time-zone: '" + timeZone + "' " + zoneProblem(timeZone));
    }

    /**
     * The SHA-256 the admin token must have: {@code broker.admin-token-sha256}, or that of {@code broker.admin-token}
     * when only the token is given; empty when the admin API is off.
     */
    public String adminTokenHash() {
        if (adminTokenSha256 != null && !adminTokenSha256.isBlank()) {
            return adminTokenSha256;
        }
        return adminToken == null || adminToken.isBlank() ? "" : Sha256.hex(adminToken);
    }

    /** The zone in which a member's confirmed-until day ends. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The other brokers' base URLs. */
    public List<URI> peerUrls() {
        return peers.stream().map(URI::create).toList();
    }

    private static String zoneProblem(String zone) {
        try {
            ZoneId.of(zone);
            return null;
        } catch (RuntimeException e) {
            return "(expected: a time zone such as Europe/Paris)";
        }
    }

    /** Why a peer's URL cannot be used, or null: the admin token goes there, so https (http on loopback only). */
    static String peerProblem(String url) {
        URI peer;
        try {
            peer = new URI(url);
        } catch (URISyntaxException e) {
            return "(expected: a URL such as https://broker-2.example.org: " + e.getReason() + ")";
        }
        if (peer.getHost() == null || peer.getScheme() == null || peer.getRawUserInfo() != null
                || peer.getRawQuery() != null || peer.getRawFragment() != null) {
            return "(expected: the base URL of another broker, such as https://broker-2.example.org, "
                    + "without user name, query or fragment)";
        }
        return WireRules.isSecureOrLoopback(peer)
                ? null
                : "(expected: https, since the admin token goes there; http only on localhost or 127.0.0.0/8)";
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new StartupError(message);
        }
    }
}
