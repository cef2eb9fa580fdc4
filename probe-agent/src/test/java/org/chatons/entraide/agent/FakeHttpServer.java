package org.chatons.entraide.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server for tests: answers each path as told, records requests, and can misbehave the ways real
 * services do (never answer, answer enormous bodies, garbage). Routes can be changed while it runs.
 */
public final class FakeHttpServer implements AutoCloseable {

    /** How to answer one path. */
    @FunctionalInterface
    public interface Reply {
        void answer(HttpExchange exchange, FakeHttpServer server) throws IOException;
    }

    /** A request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        /** A header's first value, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Reply> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FakeHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static FakeHttpServer start() {
        return start(0);
    }

    /** Starts on the given loopback port (0: a free one), such as one a {@link ClosedPort} kept for it. */
    public static FakeHttpServer start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            FakeHttpServer fake = new FakeHttpServer(server);
            server.createContext("/", fake::handle);
            server.setExecutor(fake.pool);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, ending with a slash. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Sets how a path is answered (without the query string). */
    public FakeHttpServer on(String path, Reply reply) {
        routes.put(path, reply);
        return this;
    }

    /** The requests received so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests received for one path. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            Reply reply = routes.get(path);
            if (reply == null) {
                send(exchange, 404, "text/plain", "Not Found");
            } else {
                reply.answer(exchange, this);
            }
        } catch (IOException e) {
            // the client went away (a cut body, a timeout): nothing to do
        }
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** A fixed answer. */
    public static Reply answer(int status, String type, String body) {
        return (exchange, server) -> send(exchange, status, type, body);
    }

    /** 200 with a JSON body. */
    public static Reply json(String body) {
        return answer(200, "application/json; charset=utf-8", body);
    }

    /** 200 with a recorded answer of probes/src/test/resources/samples. */
    public static Reply sample(String name) {
        return json(sampleText(name));
    }

    /** A recorded sample's text. */
    public static String sampleText(String name) {
        try (InputStream in = FakeHttpServer.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A status with a plain-text body. */
    public static Reply status(int status) {
        return answer(status, "text/plain", status >= 400 ? "error " + status : "");
    }

    /** Never answers: holds the request until the server closes, like a wedged service. */
    public static Reply never() {
        return (exchange, server) -> {
            try {
                server.closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Sends a body of the given size, in chunks, for as long as the client reads. */
    public static Reply enormous(long bytes) {
        return (exchange, server) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '[';
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                    chunk[0] = ' ';
                }
            }
        };
    }


    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
