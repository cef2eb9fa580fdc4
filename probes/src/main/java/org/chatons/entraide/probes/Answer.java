package org.chatons.entraide.probes;

import java.time.Duration;

/**
 * One HTTP answer, its body cut at the size limit.
 *
 * @param status      the HTTP status
 * @param contentType the Content-Type header, or "" when absent
 * @param body        the body as text, at most the size limit
 * @param truncated   true when the body was longer than the limit and was cut
 * @param elapsed     from sending the request to the end of the body
 */
public record Answer(int status, String contentType, String body, boolean truncated, Duration elapsed) {

    /** A 2xx status. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The start of the body, on one line, for a reason shown to people. */
    public String snippet() {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "...";
    }
}
