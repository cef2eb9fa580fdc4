package org.chatons.entraide.agent.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.chatons.entraide.protocol.HostStatus;

/**
 * Jitsi videobridge, on its private port: {@code GET /about/health} (200 empty when healthy) and
 * {@code GET /colibri/stats} (needs {@code videobridge.apis.rest.enabled}). {@code stress_level} is already a
 * normalised load (0 idle, 1 full, may exceed 1); a bridge that drains or shuts down gracefully takes no new
 * conferences.
 */
public final class JitsiAdapter implements Adapter {

    @Override
    public String software() {
        return "jitsi";
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        Measurement measurement = health(http.get(target.base(), "about/health", Map.of()));
        if (measurement.status() == HostStatus.DOWN) {
            return measurement;
        }
        return withStats(measurement, http.get(target.base(), "colibri/stats", Map.of("Accept", "application/json")));
    }

    /** The bridge's own health check. */
    static Measurement health(Answer answer) {
        if (answer.ok()) {
            return Measurement.up("videobridge healthy");
        }
        String body = answer.snippet();
        return Measurement.down("videobridge health answers " + answer.status() + (body.isEmpty() ? "" : " \"" + body + "\""));
    }

    /** Stress, participants and drain state from the colibri stats. */
    static Measurement withStats(Measurement measurement, Answer stats) {
        if (stats.status() == 404) {
            return measurement.noting("no /colibri/stats (videobridge.apis.rest.enabled off): load unknown");
        }
        if (!stats.ok()) {
            return measurement.degradedBecause("/colibri/stats answers " + stats.status());
        }
        JsonNode node;
        try {
            node = Json.parse(stats, "/colibri/stats");
        } catch (UnreadableAnswer e) {
            return measurement.degradedBecause(e.getMessage());
        }
        Double stress = Json.number(node, "stress_level");
        Integer participants = Json.count(node, "participants");
        Integer conferences = Json.count(node, "conferences");
        Measurement result = measurement.withLoad(stress).withUsers(participants)
                .noting((stress == null ? "no stress_level" : "stress " + stress)
                        + (participants == null ? "" : ", " + participants + " participants")
                        + (conferences == null ? "" : " in " + conferences + " conferences"));
        if (Boolean.TRUE.equals(Json.bool(node, "drain"))) {
            return result.withAccepting(false).noting("draining");
        }
        if (Boolean.TRUE.equals(Json.bool(node, "graceful_shutdown"))) {
            return result.withAccepting(false).noting("shutting down gracefully");
        }
        return result;
    }
}
