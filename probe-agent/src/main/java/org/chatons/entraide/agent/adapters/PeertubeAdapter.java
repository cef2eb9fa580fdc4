package org.chatons.entraide.agent.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
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
        Measurement measurement = ping(http.get(target.base(), "api/v1/ping", Map.of()));
        if (measurement.status() == HostStatus.DOWN) {
            return measurement;
        }
        measurement = withConfig(measurement, http.get(target.base(), "api/v1/config", JSON));
        return withStats(measurement, http.get(target.base(), "api/v1/server/stats", JSON));
    }

    /** The ping: 200 and "pong". */
    static Measurement ping(Answer answer) {
        if (answer.ok() && answer.body().strip().equals("pong")) {
            return Measurement.up("PeerTube answers ping");
        }
        return Measurement.down("/api/v1/ping answers " + answer.status()
                + (answer.ok() ? " \"" + answer.snippet() + "\" instead of pong" : ""));
    }

    /** Sign-up state from the public config. */
    static Measurement withConfig(Measurement measurement, Answer config) {
        if (!config.ok()) {
            return measurement.degradedBecause("/api/v1/config answers " + config.status());
        }
        try {
            JsonNode node = Json.parse(config, "/api/v1/config");
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
        } catch (UnreadableAnswer e) {
            return measurement.degradedBecause(e.getMessage());
        }
    }

    /** Daily active users from the server stats. */
    static Measurement withStats(Measurement measurement, Answer stats) {
        if (!stats.ok()) {
            return measurement.degradedBecause("/api/v1/server/stats answers " + stats.status());
        }
        try {
            Integer daily = Json.count(Json.parse(stats, "/api/v1/server/stats"), "totalDailyActiveUsers");
            return daily == null ? measurement.noting("stats have no totalDailyActiveUsers")
                    : measurement.withUsers(daily).noting(daily + " daily active users");
        } catch (UnreadableAnswer e) {
            return measurement.degradedBecause(e.getMessage());
        }
    }
}
