package org.chatons.entraide.probes;

import com.fasterxml.jackson.databind.JsonNode;

/** Mobilizon: one GraphQL answer at {@code POST /api} gives health, registrations and accounts. */
public final class MobilizonAnswers {

    private MobilizonAnswers() {
    }

    /** Reads the GraphQL answer. */
    public static Measurement graphql(Answer answer) {
        return Json.read(answer, "GraphQL /api", Measurement::down, MobilizonAnswers::data);
    }

    private static Measurement data(JsonNode node) {
        JsonNode data = node.path("data");
        if (!data.isObject()) {
            String error = node.path("errors").path(0).path("message").asText("no data");
            return Measurement.degraded("GraphQL /api: " + error);
        }
        Measurement result = Measurement.up("Mobilizon answers GraphQL");
        Boolean open = Json.bool(data, "config", "registrationsOpen");
        result = open == null ? result.noting("no config.registrationsOpen")
                : result.withAccepting(open).noting(open ? "registrations open" : "registrations closed");
        Integer users = Json.count(data, "statistics", "numberOfUsers");
        Integer events = Json.count(data, "statistics", "numberOfLocalEvents");
        return users == null ? result.noting("no statistics.numberOfUsers")
                : result.withUsers(users).noting(users + " accounts" + (events == null ? "" : ", " + events + " events"));
    }
}
