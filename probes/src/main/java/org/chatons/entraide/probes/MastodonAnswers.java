package org.chatons.entraide.probes;

import com.fasterxml.jackson.databind.JsonNode;

/** Mastodon: {@code GET /health} answers {@code OK}; {@code GET /api/v2/instance} gives registrations and monthly users. */
public final class MastodonAnswers {

    private MastodonAnswers() {
    }

    /** The health check: 200 and "OK". */
    public static Measurement health(Answer answer) {
        return PlainAnswers.word(answer, "/health", "OK", "Mastodon healthy");
    }

    /** Registrations and monthly active users from the instance description. */
    public static Measurement withInstance(Measurement measurement, Answer instance) {
        return Json.read(instance, "/api/v2/instance", measurement::degradedBecause,
                node -> instance(measurement, node));
    }

    private static Measurement instance(Measurement measurement, JsonNode node) {
        String version = Json.text(node, "version");
        Measurement result = version == null ? measurement
                : new Measurement(measurement.status(), null, null, null, "Mastodon " + version + " healthy");
        Boolean open = Json.bool(node, "registrations", "enabled");
        if (open == null) {
            result = result.noting("no registrations.enabled");
        } else {
            boolean approval = Boolean.TRUE.equals(Json.bool(node, "registrations", "approval_required"));
            result = result.withAccepting(open).noting(open
                    ? (approval ? "registrations open, with approval" : "registrations open") : "registrations closed");
        }
        Integer monthly = Json.count(node, "usage", "users", "active_month");
        return monthly == null ? result.noting("no usage.users.active_month")
                : result.withUsers(monthly).noting(monthly + " active this month");
    }
}
