package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

/** PeerTube: {@code /api/v1/ping}, {@code /api/v1/config} and {@code /api/v1/server/stats}. */
public final class PeertubeApi implements Api {

    @Override
    public boolean closesWhenFull() {
        return true;
    }

    @Override
    public String software() {
        return "peertube";
    }

    @Override
    public Reply answer(Request request, HostState state) {
        return switch (request.path()) {
            case "/api/v1/ping" -> new Reply(200, "text/html; charset=utf-8", "pong");
            case "/api/v1/config" -> Reply.json(Json.write(object(
                    "instance", object("name", "PeerTube", "shortDescription", "Vidéos libres"),
                    "serverVersion", "6.3.0",
                    "signup", object("allowed", state.registrationsOpen(), "allowedForCurrentIP", true,
                            "requiresApproval", false, "requiresEmailVerification", false, "minimumAge", 16),
                    "user", object("videoQuota", -1, "videoQuotaDaily", -1),
                    "live", object("enabled", true, "maxInstanceLives", 20))));
            case "/api/v1/server/stats" -> Reply.json(Json.write(object(
                    "totalUsers", state.capacity() * 2,
                    "totalDailyActiveUsers", state.users(),
                    "totalWeeklyActiveUsers", state.users() * 3,
                    "totalMonthlyActiveUsers", state.users() * 6,
                    "totalLocalVideos", 500, "totalLocalVideoViews", 12000, "totalVideos", 3000)));
            default -> null;
        };
    }
}
