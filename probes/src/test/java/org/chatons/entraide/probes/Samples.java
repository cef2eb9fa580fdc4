package org.chatons.entraide.probes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The recorded answers of src/test/resources/samples, as a probe would receive them. */
public final class Samples {

    private Samples() {
    }

    /** A recorded answer's text. */
    public static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
