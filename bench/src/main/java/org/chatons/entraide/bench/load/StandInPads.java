package org.chatons.entraide.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Local stand-ins for Etherpad hosts, for the probe agent's memory measurement: on one loopback port, every path
 * ending in {@code /health} answers as Etherpad 1.9+ does and every path ending in {@code /stats} gives a user
 * count that changes over time. {@code StandInPads PORT}; stops when killed.
 */
public final class StandInPads {

    private StandInPads() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 16);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", StandInPads::answer);
        server.start();
        System.out.println("stand-in pads on " + server.getAddress());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        String type = "application/json";
        if (path.endsWith("/health")) {
            body = "{\"status\":\"pass\",\"releaseId\":\"2.2.7\"}";
            type = "application/health+json";
        } else if (path.endsWith("/stats")) {
            long users = 3 + (System.currentTimeMillis() / 15_000 + path.hashCode()) % 20;
            body = "{\"totalUsers\":" + Math.abs(users) + "}";
        } else {
            body = "<!doctype html><title>Etherpad</title>";
            type = "text/html";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
