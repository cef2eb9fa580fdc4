package org.chatons.entraide.broker.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Pages that stand in for members' hosts in browser tests: each says which host it is, on loopback. */
final class StandInHosts implements AutoCloseable {

    private final HttpServer server;

    StandInHosts() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String host = exchange.getRequestURI().getPath().replace("/", "");
            byte[] page = ("<!DOCTYPE html><html><head><title>stand-in " + host + "</title></head>"
                    + "<body><h1 id=\"host\">" + host + "</h1></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
    }

    /** The URL a host is reached at: {@code http://localhost:<port>/<host>/}. */
    String url(String host) {
        return "http://localhost:" + server.getAddress().getPort() + "/" + host + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
