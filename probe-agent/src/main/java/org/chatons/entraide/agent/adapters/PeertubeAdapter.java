package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.util.Map;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.PeertubeAnswers;

/**
 * PeerTube: {@code GET /api/v1/ping} answers {@code pong}; {@code GET /api/v1/config} tells whether sign-up is
 * open ({@code signup.allowed}, false too when the user limit is reached); {@code GET /api/v1/server/stats} gives
 * {@code totalDailyActiveUsers} (cached up to 4 h by PeerTube, so it moves slowly).
 */
public final class PeertubeAdapter extends NamedAdapter {

    public PeertubeAdapter() {
        super("peertube");
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        return Adapter.unlessDown(PeertubeAnswers.ping(http.get(target.base(), "api/v1/ping", Map.of())), ping -> {
            Measurement config = PeertubeAnswers.withConfig(ping, http.get(target.base(), "api/v1/config", Http.JSON));
            return PeertubeAnswers.withStats(config, http.get(target.base(), "api/v1/server/stats", Http.JSON));
        });
    }
}
