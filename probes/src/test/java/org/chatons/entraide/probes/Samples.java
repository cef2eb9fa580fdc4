package org.chatons.entraide.probes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The recorded answers of src/test/resources/samples, as a probe would receive them. */
public final class Samples {

    private Samples() {
    }

    /** A recorded answer's text (the tests run in the module's folder). */
    public static String text(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/samples", name));
        } catch (IOException e) {
            throw new UncheckedIOException("no sample " + name, e);
        }
    }

    /** A recorded answer, 200 and JSON. */
    public static Answer ok(String name) {
        return json(200, text(name));
    }

    /** An answer with that status and body, as JSON. */
    public static Answer json(int status, String body) {
        return new Answer(status, "application/json", body, false, Duration.ofMillis(20));
    }
}
