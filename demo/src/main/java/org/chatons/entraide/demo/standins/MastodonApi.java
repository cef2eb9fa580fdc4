package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

/** Mastodon: {@code /health} and {@code /api/v2/instance}. */
public final class MastodonApi implements Api {

    @Override
    public boolean closesWhenFull() {
        return true;
    }

    @Override
    public String software() {
        return "mastodon";
    }

    @Override
    public Reply answer(Request request, HostState state) {
        return switch (request.path()) {
            case "/health" -> new Reply(200, "text/plain; charset=utf-8", "OK");
            case "/api/v2/instance" -> Reply.json(Json.write(object(
                    "domain", "localhost", "title", "Mastodon", "version", "4.3.2",
                    "usage", object("users", object("active_month", state.users())),
                    "registrations", object("enabled", state.registrationsOpen(), "approval_required", false,
                            "message", null))));
            default -> null;
        };
    }
}
