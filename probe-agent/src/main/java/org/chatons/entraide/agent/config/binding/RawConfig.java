package org.chatons.entraide.agent.config.binding;

import java.time.Duration;
import java.util.List;
import org.chatons.entraide.yaml.At;

/**
 * {@code probe-agent.yml} as written, bound key for key ({@code token-env} to {@code tokenEnv}), each value with its
 * line; {@link AgentConfigReader} checks it and makes the {@code AgentConfig}. Absent keys are null.
 */
public record RawConfig(
        At<String> member,
        At<String> tokenEnv,
        At<String> tokenFile,
        At<List<At<String>>> brokers,
        At<Duration> interval,
        At<Duration> timeout,
        At<Integer> metricsPort,
        At<List<At<RawHost>>> hosts,
        At<Double> chatonsinfosFullAt,
        At<Double> chatonsinfosOpenBelow) {
}
