package org.chatons.entraide.probes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Nextcloud's public {@code GET /status.php} (installed, in maintenance, waiting for a database upgrade) and the
 * serverinfo app's answer to a token ({@code activeUsers.last5minutes}).
 */
public final class NextcloudAnswers {

    /** Where the status is, relative to the server's root. */
    public static final String STATUS = "status.php";

    private NextcloudAnswers() {
    }

    /** Reads status.php: healthy when installed, not in maintenance and not waiting for a database upgrade. */
    public static Measurement status(Answer answer) {
        return Json.read(answer, "status.php", Measurement::down, node -> {
            String version = Json.text(node, "versionstring");
            String name = version == null ? "Nextcloud" : "Nextcloud " + version;
            if (!Boolean.TRUE.equals(Json.bool(node, "installed"))) {
                return Measurement.down(name + " is not installed");
            }
            if (Boolean.TRUE.equals(Json.bool(node, "maintenance"))) {
                return Measurement.down(name + " in maintenance mode").withAccepting(false);
            }
            if (Boolean.TRUE.equals(Json.bool(node, "needsDbUpgrade"))) {
                return Measurement.down(name + " needs a database upgrade").withAccepting(false);
            }
            return Measurement.up(name + " healthy");
        });
    }

    /** Adds serverinfo's active users; its cpuload (load averages, or "N/A") is only shown, not a normalised load. */
    public static Measurement withServerInfo(Measurement measurement, Answer info) {
        return Json.read(info, "serverinfo", measurement::degradedBecause, node -> {
            JsonNode data = Json.at(node, "ocs", "data");
            Integer users = Json.count(data, "activeUsers", "last5minutes");
            Double cpu = Json.number(data.path("nextcloud").path("system").path("cpuload").path(0));
            String cpuNote = cpu == null ? "cpu load N/A" : "cpu load " + cpu;
            if (users == null) {
                return measurement.noting("serverinfo has no activeUsers.last5minutes; " + cpuNote);
            }
            return measurement.withUsers(users).noting(users + " users active in 5 min; " + cpuNote);
        });
    }
}
