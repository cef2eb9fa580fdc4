package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

/** Mobilizon's GraphQL endpoint, {@code POST /api}, for the config and statistics the probe asks for. */
public final class MobilizonApi implements Api {

    @Override
    public boolean closesWhenFull() {
        return true;
    }

    @Override
    public String software() {
        return "mobilizon";
    }

    @Override
    public Reply answer(Request request, HostState state) {
        if (!request.path().equals("/api")) {
            return null;
        }
        if (!request.method().equals("POST") || !request.body().contains("query")) {
            return new Reply(400, "application/json", "{\"errors\":[{\"message\":\"No query document supplied\"}]}");
        }
        return Reply.json(Json.write(object("data", object(
                "config", object("registrationsOpen", state.registrationsOpen()),
                "statistics", object("numberOfUsers", state.users(), "numberOfLocalEvents", 40 + state.users() / 3)))));
    }
}
