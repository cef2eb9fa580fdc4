package org.chatons.entraide.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A free loopback port for a server in another process (the broker's or an agent's jar, Prometheus), held from the
 * moment it is chosen until it is closed: a socket bound to it but not listening keeps every other program from
 * being given it, while a server that binds with {@code SO_REUSEADDR} (Java's, Go's and Node's servers on Linux
 * all do) can listen on it, and listen on it again after a restart. A port found free and closed at once could be
 * taken by anyone before the server starts.
 */
public final class HeldPort implements AutoCloseable {

    private final Socket hold = new Socket();

    public HeldPort() {
        try {
            hold.setReuseAddress(true);
            hold.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return hold.getLocalPort();
    }

    @Override
    public void close() {
        try {
            hold.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
