package org.chatons.entraide.broker.publicprobe;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import org.chatons.entraide.broker.config.StartupError;

/**
 * How the broker looks at declared hosts from outside, under {@code broker.public-probe.} (env
 * {@code BROKER_PUBLIC_PROBE_...}). Defaults and their reasons are in {@code application.yml}.
 *
 * @param interval        one request per host per interval
 * @param timeout         to connect and to read one answer
 * @param maxBodyBytes    a larger answer is not read (the host counts as DOWN)
 * @param concurrency     hosts probed at once
 * @param userAgent       sent with every probe and ChatonsInfos read: names Entraide and where to read about it
 * @param failuresToOpen  consecutive failures after which a host's circuit opens and it is left alone
 * @param openFor         how long an open circuit leaves the host alone before one trial probe
 */
@ConfigurationProperties("broker.public-probe")
public record PublicProbeConfig(Duration interval, Duration timeout, int maxBodyBytes, int concurrency,
                                String userAgent, int failuresToOpen, Duration openFor) {

    public PublicProbeConfig {
        require(interval != null && interval.compareTo(Duration.ofSeconds(1)) >= 0,
                "broker.public-probe.interval: " + interval + " (expected: at least 1s)");
        require(timeout != null && timeout.compareTo(Duration.ofMillis(100)) >= 0 && timeout.compareTo(interval) < 0,
                "broker.public-probe.timeout: " + timeout + " (expected: at least 100ms and shorter than the interval)");
        require(maxBodyBytes >= 1024, "broker.public-probe.max-body-bytes: " + maxBodyBytes + " (expected: >= 1024)");
        require(concurrency >= 1, "broker.public-probe.concurrency: " + concurrency + " (expected: >= 1)");
        require(userAgent != null && userAgent.contains("Entraide") && userAgent.contains("http"),
                "broker.public-probe.user-agent: '" + userAgent + "' (expected: naming Entraide and its URL)");
        require(failuresToOpen >= 1, "broker.public-probe.failures-to-open: " + failuresToOpen + " (expected: >= 1)");
        require(openFor != null && openFor.compareTo(interval) >= 0,
                "broker.public-probe.open-for: " + openFor + " (expected: at least the interval)");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new StartupError(message);
        }
    }
}
