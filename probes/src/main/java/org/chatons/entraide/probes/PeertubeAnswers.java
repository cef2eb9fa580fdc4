package org.chatons.entraide.probes;

import com.fasterxml.jackson.databind.JsonNode;

/** PeerTube: {@code /api/v1/ping}, {@code /api/v1/config} (sign-up) and {@code /api/v1/server/stats} (daily active users). */
public final class PeertubeAnswers {

    private PeertubeAnswers() {
    }

    /** The ping: 200 and "pong". */
    public static Measurement ping(Answer answer) {
        return PlainAnswers.word(answer, "/api/v1/ping", "pong", "PeerTube answers ping");
    }

    /** Sign-up state from the public config. */
    public static Measurement withConfig(Measurement measurement, Answer config) {
        return Json.read(config, "/api/v1/config", measurement::degradedBecause, node -> {
            Boolean allowed = Json.bool(node, "signup", "allowed");
            String version = Json.text(node, "serverVersion");
            Measurement named = version == null ? measurement
                    : new Measurement(measurement.status(), null, null, null, "PeerTube " + version + " answers ping");
            if (allowed == null) {
                return named.noting("config has no signup.allowed");
            }
            boolean approval = Boolean.TRUE.equals(Json.bool(node, "signup", "requiresApproval"));
            return named.withAccepting(allowed)
                    .noting(allowed ? (approval ? "sign-up open, with approval" : "sign-up open") : "sign-up closed");
        });
    }

    /** Daily active users from the server stats. */
    public static Measurement withStats(Measurement measurement, Answer stats) {
        return Json.read(stats, "/api/v1/server/stats", measurement::degradedBecause, node -> {
            Integer daily = Json.count(node, "totalDailyActiveUsers");
            return daily == null ? measurement.noting("stats have no totalDailyActiveUsers")
                    : measurement.withUsers(daily).noting(daily + " daily active users");
        });
    }
}
