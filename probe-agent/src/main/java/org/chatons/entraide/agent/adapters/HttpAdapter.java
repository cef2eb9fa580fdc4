package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Any software without an adapter of its own: a GET of the probe URL exactly as configured. 2xx and 3xx are UP
 * (a redirect on the same host is followed by {@link Http}, so a login page is a working service; one to another
 * host or a loop is not), other statuses DOWN, and an answer that takes more than half the timeout DEGRADED. The
 * body is not judged. No user count: it is reported unknown, and the broker sees capacity only.
 */
public final class HttpAdapter implements Adapter {

    @Override
    public String software() {
        return "http";
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        return answer(http.get(target.url(), Map.of()), target.timeout());
    }

    /** Status and latency. */
    static Measurement answer(Answer answer, Duration timeout) {
        long ms = answer.elapsed().toMillis();
        if (answer.status() < 200 || answer.status() >= 400) {
            return Measurement.down("answers " + answer.status());
        }
        if (answer.elapsed().compareTo(timeout.dividedBy(2)) > 0) {
            return Measurement.degraded("answers " + answer.status() + " but slowly, in " + ms + " ms");
        }
        return Measurement.up("answers " + answer.status() + " in " + ms + " ms");
    }
}
