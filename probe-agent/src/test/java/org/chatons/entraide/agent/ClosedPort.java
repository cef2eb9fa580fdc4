package org.chatons.entraide.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * A loopback port where nothing listens, kept for the test: connections to it are refused, as to a broker or a
 * service that is down, and no other process can take it meanwhile (a socket holds it, bound but not listening).
 * A server started on it later, while it is held, is the service coming back on its own address; so is a server in
 * another process (the broker's or the agent's jar, Prometheus, Etherpad), as Java's, Go's and Node's servers bind
 * with SO_REUSEADDR on Linux: a port found free and closed at once could be taken by anyone before it starts.
 */
public final class ClosedPort implements AutoCloseable {

    private final Socket hold = new Socket();

    public ClosedPort() {
        try {
            // SO_REUSEADDR on both sides lets a listening server bind the port this socket holds.
            hold.setReuseAddress(true);
            hold.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port. */
    public int port() {
        return hold.getLocalPort();
    }

    /** Its URL, without a trailing slash, as people write a broker's. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
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
