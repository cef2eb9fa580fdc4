package org.chatons.entraide.agent.adapters;

import java.util.List;
import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.probes.Measurement;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test server standing for one software's API, measured by its adapter as the agent does ({@link Probe}); an
 * extension ({@code @RegisterExtension}) that closes the server after each test.
 */
final class ProbedService implements AfterEachCallback {

    private final FakeHttpServer server = FakeHttpServer.start();
    private final Adapter adapter;

    ProbedService(Adapter adapter) {
        this.adapter = adapter;
    }

    /** Sets how a path is answered. */
    ProbedService on(String path, FakeHttpServer.Reply reply) {
        server.on(path, reply);
        return this;
    }

    /** The requests received on a path. */
    List<FakeHttpServer.Request> requests(String path) {
        return server.requests(path);
    }

    /** Measures the service at the server's root. */
    Measurement probe() throws InterruptedException {
        return Probe.probe(adapter, server.url());
    }

    /** Measures the service at a path of the server, as a probe URL under a prefix names it. */
    Measurement probe(String path) throws InterruptedException {
        return Probe.probe(adapter, server.url().resolve(path));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }
}
