package org.chatons.entraide.broker.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The broker's settings, under {@code broker.} (env {@code BROKER_...}). Every default and its meaning is in
 * {@code application.yml}, and only there.
 */
@ConfigurationProperties("broker")
public record BrokerConfig(
        Path membersFile,
        Duration reportTtl,
        double fullAt,
        String policy,
        int choices,
        int brokers,
        double nearTolerance,
        @Nullable String adminTokenSha256,
        @Nullable String drainsFile,
        Duration maxClockAhead,
        Duration forgetAfter,
        Duration retryAfter,
        ZoneId timeZone) {

    public BrokerConfig {
        require(membersFile != null, "broker.members-file: missing (expected: the path of the members YAML file)");
        require(reportTtl != null && reportTtl.compareTo(Duration.ofSeconds(1)) >= 0,
                "broker.report-ttl: " + reportTtl + " (expected: at least 1s)");
        require(fullAt > 0 && fullAt <= 1, "broker.full-at: " + fullAt + " (expected: > 0 and <= 1)");
        require(choices >= 1, "broker.choices: " + choices + " (expected: >= 1)");
        require(brokers >= 1,
                "broker.brokers: " + brokers + " (expected: >= 1, the number of brokers sharing the users)");
        require(nearTolerance >= 0 && nearTolerance <= 1,
                "broker.near-tolerance: " + nearTolerance + " (expected: between 0 and 1, e.g. 0.01 for 1 %)");
        require(policy != null && !policy.isBlank(), "broker.policy: missing");
        require(adminTokenSha256 == null || adminTokenSha256.isBlank() || Sha256.isHex(adminTokenSha256),
                "broker.admin-token-sha256: expected 64 hexadecimal characters (the SHA-256 of the admin token)");
        require(maxClockAhead != null && !maxClockAhead.isNegative(), "broker.max-clock-ahead: " + maxClockAhead);
        require(forgetAfter != null && forgetAfter.compareTo(reportTtl) > 0,
                "broker.forget-after: " + forgetAfter + " (expected: longer than broker.report-ttl)");
        require(retryAfter != null && !retryAfter.isNegative(), "broker.retry-after: " + retryAfter);
        require(timeZone != null, "broker.time-zone: missing");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new StartupError(message);
        }
    }
}
