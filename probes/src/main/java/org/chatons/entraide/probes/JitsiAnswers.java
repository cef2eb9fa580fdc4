package org.chatons.entraide.probes;

import com.fasterxml.jackson.databind.JsonNode;

/** Jitsi videobridge, on its private port: {@code /about/health} and {@code /colibri/stats} (stress, drain). */
public final class JitsiAnswers {

    private JitsiAnswers() {
    }

    /** The bridge's own health check. */
    public static Measurement health(Answer answer) {
        if (answer.ok()) {
            return Measurement.up("videobridge healthy");
        }
        String body = answer.snippet();
        return Measurement.down("videobridge health answers " + answer.status() + (body.isEmpty() ? "" : " \"" + body + "\""));
    }

    /** Stress, participants and drain state from the colibri stats. */
    public static Measurement withStats(Measurement measurement, Answer stats) {
        if (stats.status() == 404) {
            return measurement.noting("no /colibri/stats (videobridge.apis.rest.enabled off): load unknown");
        }
        return Json.read(stats, "/colibri/stats", measurement::degradedBecause, node -> stats(measurement, node));
    }

    private static Measurement stats(Measurement measurement, JsonNode node) {
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
