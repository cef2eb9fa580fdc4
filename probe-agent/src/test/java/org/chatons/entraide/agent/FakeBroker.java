package org.chatons.entraide.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.chatons.entraide.protocol.Report;

/** A broker for tests: takes reports at /api/v1/reports and answers as told (202 by default). */
public final class FakeBroker implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final FakeHttpServer server;

    /** A broker on a free port. */
    public FakeBroker() {
        this(0);
    }

    /** A broker on the given port (0: a free one). */
    public FakeBroker(int port) {
        server = FakeHttpServer.start(port);
        accepting();
    }

    /** Answers 202 from now on. */
    public FakeBroker accepting() {
        return answering(FakeHttpServer.answer(202, "application/json", "{\"accepted\":1}"));
    }

    /** Answers as told from now on. */
    public FakeBroker answering(FakeHttpServer.Reply reply) {
        server.on(Report.PATH, reply);
        return this;
    }

    /** The broker's base URL (without a trailing slash, as people write it). */
    public URI url() {
        String s = server.url().toString();
        return URI.create(s.substring(0, s.length() - 1));
    }

    /** Every request received, answered or not. */
    public List<FakeHttpServer.Request> requests() {
        return server.requests(Report.PATH);
    }

    /** Every report received, in order. */
    public List<Report> reports() {
        return requests().stream().map(r -> {
            try {
                return JSON.readValue(r.body(), Report.class);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** Waits (bounded) until a report matches; fails the test otherwise. */
    public Report awaitReport(Predicate<Report> matching, Duration atMost) throws InterruptedException {
        try {
            return Awaitility.await("a matching report").atMost(atMost).pollInterval(Duration.ofMillis(20))
                    .until(() -> reports().stream().filter(matching).findFirst(), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no matching report within " + atMost + "; received " + reports(), e);
        }
    }

    /** Waits (bounded) until at least n requests arrived. */
    public void awaitRequests(int n, Duration atMost) throws InterruptedException {
        Awaitility.await(n + " requests").atMost(atMost).pollInterval(Duration.ofMillis(20))
                .until(() -> requests().size() >= n);
    }

    @Override
    public void close() {
        server.close();
    }
}
