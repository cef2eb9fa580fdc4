package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.util.Map;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.MastodonAnswers;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;

/**
 * Mastodon: {@code GET /health} answers {@code OK}; {@code GET /api/v2/instance} gives
 * {@code registrations.enabled} and {@code usage.users.active_month}.
 */
public final class MastodonAdapter implements Adapter {

    @Override
    public String software() {
        return "mastodon";
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        Measurement measurement = MastodonAnswers.health(http.get(target.base(), "health", Map.of()));
        if (measurement.status() == HostStatus.DOWN) {
            return measurement;
        }
        return MastodonAnswers.withInstance(measurement, http.get(target.base(), "api/v2/instance", Map.of("Accept", "application/json")));
    }
}
