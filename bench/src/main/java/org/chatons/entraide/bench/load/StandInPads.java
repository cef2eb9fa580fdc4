package org.chatons.entraide.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * Local stand-ins for Etherpad hosts, for the probe agent's memory measurement: on one loopback port, every path
 * ending in {@code /health} answers as Etherpad 1.9+ does and every path ending in {@code /stats} gives a user
 * count that changes over time. {@code StandInPads PORT}; stops when killed.
 */
public final class StandInPads {

    private StandInPads() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Command()).execute(args);
        if (code != 0) {
            System.exit(code); // else the server's thread keeps the JVM until killed
        }
    }

    /** {@code StandInPads PORT}, read by picocli. */
    @CommandLine.Command(name = "StandInPads", mixinStandardHelpOptions = true,
            description = "Etherpad stand-ins on one loopback port, until killed.")
    static final class Command implements Callable<Integer> {
        @Parameters(paramLabel = "PORT")
        int port;

        @Override
        public Integer call() throws IOException {
            serve(port);
            return 0;
        }
    }

    private static void serve(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
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
