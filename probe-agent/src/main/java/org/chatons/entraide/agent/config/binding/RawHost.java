package org.chatons.entraide.agent.config.binding;

import org.chatons.entraide.yaml.At;

/** One entry of {@code hosts:} as written; {@link HostReader} checks it. */
public record RawHost(
        At<String> id,
        At<String> service,
        At<String> software,
        At<String> url,
        At<String> probeUrl,
        At<Integer> capacityUsers,
        At<String> secretEnv,
        At<String> secretFile,
        At<Boolean> acceptsNewUsers,
        At<String> chatonsinfosFile,
        At<String> rooms) {
}
