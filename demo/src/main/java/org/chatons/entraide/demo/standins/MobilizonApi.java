package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.util.Map;
import java.util.Set;

/** Mobilizon's GraphQL endpoint, {@code POST /api}, for the config and statistics the probe asks for. */
public final class MobilizonApi extends RoutedApi {

    public MobilizonApi() {
        super("mobilizon", Set.of(Trait.CLOSES_WHEN_FULL), Map.of("/api", MobilizonApi::graphql));
    }

    private static Reply graphql(Request request, HostState state) {
        if (!request.method().equals("POST") || !request.body().contains("query")) {
            return new Reply(400, "application/json", "{\"errors\":[{\"message\":\"No query document supplied\"}]}");
        }
        return Reply.json(Json.write(object("data", object(
                "config", object("registrationsOpen", state.registrationsOpen()),
                "statistics", object("numberOfUsers", state.users(), "numberOfLocalEvents", 40 + state.users() / 3)))));
    }
}
