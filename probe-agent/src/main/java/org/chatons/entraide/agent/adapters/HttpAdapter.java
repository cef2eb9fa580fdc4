package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.PlainAnswers;

/**
 * Any software without an adapter of its own: a GET of the probe URL exactly as configured. 2xx and 3xx are UP
 * (a redirect on the same host is followed by {@link Http}, so a login page is a working service; one to another
 * host or a loop is not), other statuses DOWN, and an answer that takes more than half the timeout DEGRADED. The
 * body is not judged. No user count: it is reported unknown, and the broker sees capacity only.
 */
public final class HttpAdapter extends NamedAdapter {

    public HttpAdapter() {
        super("http");
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        return PlainAnswers.answer(http.get(target.url(), Map.of()), target.timeout());
    }
}
