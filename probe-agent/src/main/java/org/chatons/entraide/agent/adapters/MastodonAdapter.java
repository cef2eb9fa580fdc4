package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.util.Map;
import org.chatons.entraide.probes.MastodonAnswers;
import org.chatons.entraide.probes.Measurement;

/**
 * Mastodon: {@code GET /health} answers {@code OK}; {@code GET /api/v2/instance} gives
 * {@code registrations.enabled} and {@code usage.users.active_month}.
 */
public final class MastodonAdapter extends NamedAdapter {

    public MastodonAdapter() {
        super("mastodon");
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        return Adapter.unlessDown(MastodonAnswers.health(http.get(target.base(), "health", Map.of())),
                health -> MastodonAnswers.withInstance(health, http.get(target.base(), "api/v2/instance", Http.JSON)));
    }
}
