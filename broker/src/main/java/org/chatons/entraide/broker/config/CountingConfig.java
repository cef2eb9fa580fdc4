package org.chatons.entraide.broker.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;

/**
 * How redirects count, under {@code broker.counting.} (env {@code BROKER_COUNTING_...}): every default and its
 * reason is in {@code application.yml}, and only there.
 */
@ConfigurationProperties("broker.counting")
public record CountingConfig(
        Duration joinGrace,
        Duration minStay,
        double weightFloor,
        int minEvidence,
        double surge,
        int perNetwork,
        Duration perNetworkWindow,
        long maxNetworks,
        Duration keyRotation,
        List<String> trustedProxies) {

    public CountingConfig {
        require(joinGrace != null && !joinGrace.isNegative() && joinGrace.compareTo(Duration.ofMinutes(1)) <= 0,
                "broker.counting.join-grace: " + joinGrace + " (expected: 0s to 1m)");
        require(minStay != null && minStay.compareTo(Duration.ofSeconds(1)) >= 0
                        && minStay.compareTo(Duration.ofHours(1)) <= 0,
                "broker.counting.min-stay: " + minStay + " (expected: 1s to 1h)");
        require(weightFloor > 0 && weightFloor <= 1,
                "broker.counting.weight-floor: " + weightFloor + " (expected: > 0 and <= 1)");
        require(minEvidence >= 1, "broker.counting.min-evidence: " + minEvidence + " (expected: >= 1)");
        require(surge >= 1, "broker.counting.surge: " + surge + " (expected: >= 1)");
        require(perNetwork >= 1, "broker.counting.per-network: " + perNetwork + " (expected: >= 1)");
        require(perNetworkWindow != null && perNetworkWindow.compareTo(Duration.ofSeconds(1)) >= 0
                        && perNetworkWindow.compareTo(Duration.ofMinutes(10)) <= 0,
                "broker.counting.per-network-window: " + perNetworkWindow + " (expected: 1s to 10m)");
        require(maxNetworks >= 1, "broker.counting.max-networks: " + maxNetworks + " (expected: >= 1)");
        require(keyRotation != null && keyRotation.compareTo(Duration.ZERO) > 0
                        && keyRotation.compareTo(Duration.ofDays(1)) <= 0,
                "broker.counting.key-rotation: " + keyRotation + " (expected: more than 0 and at most 24h)");
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new StartupError(message);
        }
    }
}
