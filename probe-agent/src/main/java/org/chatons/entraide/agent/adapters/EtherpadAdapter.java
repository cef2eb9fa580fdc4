package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.util.Map;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.EtherpadAnswers;
import org.chatons.entraide.probes.Measurement;

/**
 * Etherpad: {@code GET /health} on 1.9 and later ({@code {"status":"pass","releaseId":"2.5.3"}}); 1.8 has none
 * and answers 404, so its front page tells whether it serves. Users come from {@code GET /stats}
 * ({@code totalUsers}, connected pad sockets), which exists only while {@code enableMetrics} is on.
 */
public final class EtherpadAdapter extends NamedAdapter {

    public EtherpadAdapter() {
        super("etherpad");
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        Answer health = http.get(target.base(), "health", Map.of("Accept", "application/health+json"));
        Measurement measurement = health.status() == 404
                ? EtherpadAnswers.frontPage(http.get(target.base(), "", Map.of()))
                : EtherpadAnswers.health(health);
        return Adapter.unlessDown(measurement,
                found -> EtherpadAnswers.withStats(found, http.get(target.base(), "stats", Http.JSON)));
    }
}
