package org.chatons.entraide.agent.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Mobilizon has no health endpoint: a GraphQL answer at {@code POST /api} is the sign of health, and the same
 * query gives {@code config.registrationsOpen} and {@code statistics.numberOfUsers} (registered accounts, the
 * only count it publishes; capacity-users is then counted in accounts too).
 */
public final class MobilizonAdapter implements Adapter {

    static final String QUERY = "{\"query\":\"{ config { registrationsOpen } statistics { numberOfUsers numberOfLocalEvents } }\"}";

    @Override
    public String software() {
        return "mobilizon";
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        return graphql(http.post(target.base(), "api", "application/json", QUERY));
    }

    /** Reads the GraphQL answer. */
    static Measurement graphql(Answer answer) {
        if (!answer.ok()) {
            return Measurement.down("GraphQL /api answers " + answer.status());
        }
        JsonNode node;
        try {
            node = Json.parse(answer, "GraphQL /api");
        } catch (UnreadableAnswer e) {
            return Measurement.down(e.getMessage());
        }
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
