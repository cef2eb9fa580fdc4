package org.chatons.entraide.probes;

import com.fasterxml.jackson.databind.JsonNode;

/** Nextcloud's public {@code GET /status.php}: installed, in maintenance, waiting for a database upgrade. */
public final class NextcloudAnswers {

    /** Where the status is, relative to the server's root. */
    public static final String STATUS = "status.php";

    private NextcloudAnswers() {
    }

    /** Reads status.php: healthy when installed, not in maintenance and not waiting for a database upgrade. */
    public static Measurement status(Answer answer) {
        if (!answer.ok()) {
            return Measurement.down("status.php answers " + answer.status());
        }
        JsonNode node;
        try {
            node = Json.parse(answer, "status.php");
        } catch (UnreadableAnswer e) {
            return Measurement.down(e.getMessage());
        }
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
    }
}
