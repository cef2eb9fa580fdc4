package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.util.Map;
import java.util.Set;

/** PeerTube: {@code /api/v1/ping}, {@code /api/v1/config} and {@code /api/v1/server/stats}. */
public final class PeertubeApi extends RoutedApi {

    public PeertubeApi() {
        super("peertube", Set.of(Trait.CLOSES_WHEN_FULL), Map.of(
                "/api/v1/ping", (request, state) -> new Reply(200, "text/html; charset=utf-8", "pong"),
                "/api/v1/config", (request, state) -> config(state),
                "/api/v1/server/stats", (request, state) -> stats(state)));
    }

    private static Reply config(HostState state) {
        return Reply.json(Json.write(object(
                "instance", object("name", "PeerTube", "shortDescription", "Vidéos libres"),
                "serverVersion", "6.3.0",
                "signup", object("allowed", state.registrationsOpen(), "allowedForCurrentIP", true,
                        "requiresApproval", false, "requiresEmailVerification", false, "minimumAge", 16),
                "user", object("videoQuota", -1, "videoQuotaDaily", -1),
                "live", object("enabled", true, "maxInstanceLives", 20))));
    }

    private static Reply stats(HostState state) {
        return Reply.json(Json.write(object(
                "totalUsers", state.capacity() * 2,
                "totalDailyActiveUsers", state.users(),
                "totalWeeklyActiveUsers", state.users() * 3,
                "totalMonthlyActiveUsers", state.users() * 6,
                "totalLocalVideos", 500, "totalLocalVideoViews", 12000, "totalVideos", 3000)));
    }
}
