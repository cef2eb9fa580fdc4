package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.util.Map;
import org.chatons.entraide.probes.JitsiAnswers;
import org.chatons.entraide.probes.Measurement;

/**
 * Jitsi videobridge, on its private port: {@code GET /about/health} (200 empty when healthy) and
 * {@code GET /colibri/stats} (needs {@code videobridge.apis.rest.enabled}). {@code stress_level} is already a
 * normalised load (0 idle, 1 full, may exceed 1); a bridge that drains or shuts down gracefully takes no new
 * conferences.
 */
public final class JitsiAdapter extends NamedAdapter {

    public JitsiAdapter() {
        super("jitsi");
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        return Adapter.unlessDown(JitsiAnswers.health(http.get(target.base(), "about/health", Map.of())),
                health -> JitsiAnswers.withStats(health, http.get(target.base(), "colibri/stats", Http.JSON)));
    }
}
