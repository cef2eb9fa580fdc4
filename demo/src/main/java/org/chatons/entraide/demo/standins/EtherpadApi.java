package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.util.Map;
import java.util.Set;

/** Etherpad 2.x: {@code /health} (application/health+json) and {@code /stats}. */
public final class EtherpadApi extends RoutedApi {

    public EtherpadApi() {
        super("etherpad", Set.of(), Map.of(
                "/health", (request, state) -> new Reply(200, "application/health+json; charset=utf-8",
                        Json.write(object("status", "pass", "releaseId", "2.2.7"))),
                "/stats", (request, state) -> Reply.json(Json.write(object(
                        "totalUsers", state.users(),
                        "activePads", (state.users() + 2) / 3,
                        "memoryUsage", 182050816 + state.users() * 100_000L,
                        "memoryUsageHeap", 60213456,
                        "pendingEdits", 0,
                        "connects", object("mean", 0.01, "count", state.users() * 7, "currentRate", 0,
                                "1MinuteRate", 0, "5MinuteRate", 0, "15MinuteRate", 0))))));
    }
}
