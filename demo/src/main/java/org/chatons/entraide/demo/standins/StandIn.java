package org.chatons.entraide.demo.standins;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One member's host, on its own port: answers its software's API from the simulated state, serves a front page
 * for the users the broker sends there, and while the simulated service is down answers 502 as the reverse proxy
 * in front of a dead service does.
 */
public final class StandIn implements AutoCloseable {

    private static final String BAD_GATEWAY = "<html><head><title>502 Bad Gateway</title></head><body>"
            + "<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

    private final String member;
    private final String hostId;
    private final String service;
    private final Api api;
    private final SimulatedHost host;
    private final HttpServer server;

    private StandIn(String member, String hostId, String service, Api api, SimulatedHost host, HttpServer server) {
        this.member = member;
        this.hostId = hostId;
        this.service = service;
        this.api = api;
        this.host = host;
        this.server = server;
    }

    /**
     * Starts serving.
     *
     * @param bind     the address to listen on (loopback for the demo)
     * @param port     the port, 0 for a free one
     * @param executor the threads that answer, shared by all stand-ins
     * @param api      a function building the software's API from the stand-in's origin
     */
    public static StandIn start(String member, String hostId, String service, SimulatedHost host, InetAddress bind,
                                int port, Executor executor, java.util.function.Function<String, Api> api)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 50);
        String origin = "http://localhost:" + server.getAddress().getPort();
        StandIn standIn = new StandIn(member, hostId, service, api.apply(origin), host, server);
        server.createContext("/", standIn::handle);
        server.setExecutor(executor);
        server.start();
        return standIn;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Where users are sent. */
    public String url() {
        return "http://localhost:" + port() + "/";
    }

    /** The member it belongs to. */
    public String member() {
        return member;
    }

    /** The host's id within its member. */
    public String hostId() {
        return hostId;
    }

    /** The service it offers. */
    public String service() {
        return service;
    }

    /** The software it imitates. */
    public String software() {
        return api.software();
    }

    /** Whether its API checks a secret, which the agent that measures it must then be given. */
    public boolean needsSecret() {
        return api.needsSecret();
    }

    /** Its simulated life. */
    public SimulatedHost host() {
        return host;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            HostState state = host.state();
            if (!state.up()) {
                send(exchange, new Api.Reply(502, "text/html", BAD_GATEWAY));
                return;
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            Api.Request request = new Api.Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
            Api.Reply reply = api.answer(request, state);
            if (reply == null && request.path().equals("/")) {
                reply = new Api.Reply(200, "text/html; charset=utf-8", frontPage(state));
            }
            send(exchange, reply != null ? reply : new Api.Reply(404, "text/plain; charset=utf-8", "Not Found"));
        }
    }

    private String frontPage(HostState state) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + service + " of " + member
                + "</title></head><body><h1>" + api.software() + " of member " + member + " (" + hostId + ")</h1>"
                + "<p>A stand-in of the Entraide demo: the broker sent you here because this host was among the least"
                + " loaded.</p><p>" + state.users() + " users of " + state.capacity()
                + (state.registrationsOpen() ? "" : ", registrations closed") + (state.draining() ? ", draining" : "")
                + ".</p></body></html>";
    }

    private static void send(HttpExchange exchange, Api.Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
