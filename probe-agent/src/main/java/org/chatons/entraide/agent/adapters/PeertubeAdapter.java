package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.util.Map;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.PeertubeAnswers;
import org.chatons.entraide.protocol.HostStatus;

/**
 * PeerTube: {@code GET /api/v1/ping} answers {@code pong}; {@code GET /api/v1/config} tells whether sign-up is
 * open ({@code signup.allowed}, false too when the user limit is reached); {@code GET /api/v1/server/stats} gives
 * {@code totalDailyActiveUsers} (cached up to 4 h by PeerTube, so it moves slowly).
 */
public final class PeertubeAdapter implements Adapter {

    private static final Map<String, String> JSON = Map.of("Accept", "application/json");

    @Override
    public String software() {
        return "peertube";
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        Measurement measurement = PeertubeAnswers.ping(http.get(target.base(), "api/v1/ping", Map.of()));
        if (measurement.status() == HostStatus.DOWN) {
            return measurement;
        }
        measurement = PeertubeAnswers.withConfig(measurement, http.get(target.base(), "api/v1/config", JSON));
        return PeertubeAnswers.withStats(measurement, http.get(target.base(), "api/v1/server/stats", JSON));
    }
}
