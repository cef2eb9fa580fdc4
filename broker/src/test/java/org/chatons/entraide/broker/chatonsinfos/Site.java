package org.chatons.entraide.broker.chatonsinfos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web server on the loopback, on a free port, for tests: answers each path as told (files, or the APIs of the
 * software being probed), and remembers every request with its User-Agent. Unknown paths answer 404.
 */
public final class Site implements AutoCloseable {

    /** A canned answer; {@code delay} before the headers, for timeouts. */
    public record Page(int status, String contentType, byte[] body, Duration delay, String location) {

        public Page(int status, String contentType, byte[] body, Duration delay) {
            this(status, contentType, body, delay, null);
        }

        /** A 302 to that address. */
        public static Page redirect(String location) {
            return new Page(302, "text/html", new byte[0], Duration.ZERO, location);
        }

        public static Page text(String body) {
            return new Page(200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }

        public static Page json(String body) {
            return new Page(200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }

        public static Page status(int status) {
            return new Page(status, "text/html", ("<html>" + status + "</html>").getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO);
        }

        public Page after(Duration wait) {
            return new Page(status, contentType, body, wait, location);
        }
    }

    /** A request as the site received it. */
    public record Request(String path, String userAgent) {
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public Site() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "site");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Site put(String path, Page page) {
        pages.put(path, page);
        return this;
    }

    public Site remove(String path) {
        pages.remove(path);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    public void forget() {
        requests.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("User-Agent")));
            Page page = pages.getOrDefault(path, Page.status(404));
            if (!page.delay().isZero()) {
                try {
                    Thread.sleep(page.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", page.contentType());
            if (page.location() != null) {
                exchange.getResponseHeaders().set("Location", page.location());
            }
            exchange.sendResponseHeaders(page.status(), page.body().length == 0 ? -1 : page.body().length);
            if (page.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
