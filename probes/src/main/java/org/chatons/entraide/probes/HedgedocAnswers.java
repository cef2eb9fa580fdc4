package org.chatons.entraide.probes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * HedgeDoc 1.x: {@code GET /status} (public while {@code enableStatsApi} is on, its default; 403 when off) gives
 * {@code onlineUsers} (connections to open notes) and {@code distinctOnlineUsers}, and {@code isConnectionBusy}
 * when it queues new connections. HedgeDoc 2 answers placeholder zeros there: a count is taken as it comes.
 */
public final class HedgedocAnswers {

    /** Where the status is, relative to the server's root. */
    public static final String STATUS = "status";

    private HedgedocAnswers() {
    }

    /** Reads {@code /status}. */
    public static Measurement status(Answer answer) {
        if (answer.status() == 403) {
            return Measurement.up("HedgeDoc answers, /status off (enableStatsApi false): users unknown");
        }
        return Json.read(answer, "/status", Measurement::down, HedgedocAnswers::status);
    }

    private static Measurement status(JsonNode node) {
        Integer distinct = Json.count(node, "distinctOnlineUsers");
        Integer online = distinct != null ? distinct : Json.count(node, "onlineUsers");
        Integer notes = Json.count(node, "onlineNotes");
        if (online == null && notes == null) {
            return Measurement.degraded("/status has neither onlineUsers nor onlineNotes: not HedgeDoc's status?");
        }
        Measurement result = Measurement.up("HedgeDoc answers /status");
        if (Boolean.TRUE.equals(Json.bool(node, "isConnectionBusy"))) {
            result = result.degradedBecause("busy connecting new users");
        }
        return online == null ? result.noting("no onlineUsers")
                : result.withUsers(online).noting(online + " users on " + (notes == null ? "?" : notes) + " notes");
    }
}
