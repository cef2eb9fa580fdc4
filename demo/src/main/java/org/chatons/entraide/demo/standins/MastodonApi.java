package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.util.Map;
import java.util.Set;

/** Mastodon: {@code /health} and {@code /api/v2/instance}. */
public final class MastodonApi extends RoutedApi {

    public MastodonApi() {
        super("mastodon", Set.of(Trait.CLOSES_WHEN_FULL), Map.of(
                "/health", (request, state) -> new Reply(200, "text/plain; charset=utf-8", "OK"),
                "/api/v2/instance", (request, state) -> Reply.json(Json.write(object(
                        "domain", "localhost", "title", "Mastodon", "version", "4.3.2",
                        "usage", object("users", object("active_month", state.users())),
                        "registrations", object("enabled", state.registrationsOpen(), "approval_required", false,
                                "message", null))))));
    }
}
