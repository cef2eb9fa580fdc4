package org.chatons.entraide.probes;

/**
 * Etherpad: {@code GET /health} on 1.9 and later ({@code {"status":"pass","releaseId":"2.5.3"}}); 1.8 has none
 * and answers 404, so its front page tells whether it serves. Users come from {@code GET /stats}
 * ({@code totalUsers}, connected pad sockets), public even with authentication on, while {@code enableMetrics} is.
 */
public final class EtherpadAnswers {

    private EtherpadAnswers() {
    }

    /** Reads {@code /health} (application/health+json: pass, warn or fail). */
    public static Measurement health(Answer answer) {
        return Json.read(answer, "/health", Measurement::down, node -> {
            String release = Json.text(node, "releaseId");
            String name = release == null ? "Etherpad" : "Etherpad " + release;
            String status = Json.text(node, "status");
            if ("pass".equals(status)) {
                return Measurement.up(name + " healthy");
            }
            if ("warn".equals(status)) {
                return Measurement.degraded(name + " health: warn");
            }
            return Measurement.down(name + " health: " + (status == null ? "no status" : status));
        });
    }

    /** Etherpad before 1.9: serving the front page is the only sign of health. */
    public static Measurement frontPage(Answer answer) {
        if (answer.status() >= 200 && answer.status() < 400) {
            return Measurement.up("Etherpad before 1.9 (no /health), front page answers " + answer.status());
        }
        return Measurement.down("front page answers " + answer.status());
    }

    /** Adds {@code /stats}' totalUsers to what the health check found. */
    public static Measurement withStats(Measurement measurement, Answer stats) {
        if (stats.status() == 404) {
            return measurement.noting("no /stats (enableMetrics off): users unknown");
        }
        return Json.read(stats, "/stats", measurement::degradedBecause, node -> {
            Integer users = Json.count(node, "totalUsers");
            Integer pads = Json.count(node, "activePads");
            if (users == null) {
                return measurement.noting("/stats has no totalUsers");
            }
            return measurement.withUsers(users).noting(users + " users" + (pads == null ? "" : " on " + pads + " pads"));
        });
    }

    /**
     * {@code /stats} alone, as a public probe asks it (one request per host): an answer with {@code totalUsers}
     * is a working Etherpad; 404 is one with its metrics off (users unknown); anything else is DOWN.
     */
    public static Measurement statsAlone(Answer stats) {
        if (stats.status() == 404) {
            return Measurement.up("Etherpad answers, no /stats (enableMetrics off): users unknown");
        }
        return Json.read(stats, "/stats", Measurement::down,
                node -> withStats(Measurement.up("Etherpad answers /stats"), stats));
    }
}
