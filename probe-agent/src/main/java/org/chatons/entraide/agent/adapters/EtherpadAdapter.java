package org.chatons.entraide.agent.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.chatons.entraide.protocol.HostStatus;

/**
 * Etherpad: {@code GET /health} on 1.9 and later ({@code {"status":"pass","releaseId":"2.5.3"}}); 1.8 has none
 * and answers 404, so its front page tells whether it serves. Users come from {@code GET /stats}
 * ({@code totalUsers}, connected pad sockets), which exists only while {@code enableMetrics} is on.
 */
public final class EtherpadAdapter implements Adapter {

    private static final Map<String, String> JSON = Map.of("Accept", "application/json");

    @Override
    public String software() {
        return "etherpad";
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        Answer health = http.get(target.base(), "health", Map.of("Accept", "application/health+json"));
        Measurement measurement = health.status() == 404
                ? frontPage(http.get(target.base(), "", Map.of()))
                : health(health);
        if (measurement.status() == HostStatus.DOWN) {
            return measurement;
        }
        return withStats(measurement, http.get(target.base(), "stats", JSON));
    }

    /** Reads {@code /health} (application/health+json: pass, warn or fail). */
    static Measurement health(Answer answer) {
        if (!answer.ok()) {
            return Measurement.down("/health answers " + answer.status());
        }
        JsonNode node;
        try {
            node = Json.parse(answer, "/health");
        } catch (UnreadableAnswer e) {
            return Measurement.down(e.getMessage());
        }
        String release = Json.text(node, "releaseId");
        String name = release == null ? "Etherpad" : "Etherpad " + release;
        String status = Json.text(node, "status");
        if ("pass".equals(status)) {
            return Measurement.up(name + " healthy");
        }
        if ("warn".equals(status)) {
            return Measurement.degraded(name + " health: warn");
        }
        return Measurement.down(name + " health: " + (status == null ? "no status" : status));
    }

    /** Etherpad before 1.9: serving the front page is the only sign of health. */
    static Measurement frontPage(Answer answer) {
        if (answer.status() >= 200 && answer.status() < 400) {
            return Measurement.up("Etherpad before 1.9 (no /health), front page answers " + answer.status());
        }
        return Measurement.down("front page answers " + answer.status());
    }

    /** Adds {@code /stats}' totalUsers to what the health check found. */
    static Measurement withStats(Measurement measurement, Answer stats) {
        if (stats.status() == 404) {
            return measurement.noting("no /stats (enableMetrics off): users unknown");
        }
        if (!stats.ok()) {
            return measurement.degradedBecause("/stats answers " + stats.status());
        }
        try {
            JsonNode node = Json.parse(stats, "/stats");
            Integer users = Json.count(node, "totalUsers");
            Integer pads = Json.count(node, "activePads");
            if (users == null) {
                return measurement.noting("/stats has no totalUsers");
            }
            return measurement.withUsers(users).noting(users + " users" + (pads == null ? "" : " on " + pads + " pads"));
        } catch (UnreadableAnswer e) {
            return measurement.degradedBecause(e.getMessage());
        }
    }
}
