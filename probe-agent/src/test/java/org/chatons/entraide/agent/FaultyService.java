package org.chatons.entraide.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A service that fails below HTTP, where {@link FakeHttpServer} cannot: it resets connections, cuts bodies short,
 * dribbles them a byte a second, or sends a gigabyte. It counts what it sent and notices when the agent hangs up,
 * so a test can show that the agent read a bounded amount and let the connection go.
 */
public final class FaultyService implements AutoCloseable {

    /** What to do with one connection once its request has been read. */
    @FunctionalInterface
    public interface Fault {
        void serve(Socket socket, OutputStream out, FaultyService service) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Fault fault;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-service");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong bodyBytesSent = new AtomicLong();
    private final AtomicInteger hungUp = new AtomicInteger();

    private FaultyService(ServerSocket server, Fault fault) {
        this.server = server;
        this.fault = fault;
        pool.execute(this::accept);
    }

    /** Starts on a free loopback port, answering every connection with the fault. */
    public static FaultyService start(Fault fault) {
        try {
            return new FaultyService(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), fault);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, ending with a slash. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** Body bytes written so far, over all connections. */
    public long bodyBytesSent() {
        return bodyBytesSent.get();
    }

    /** Connections whose client went away while this service was still writing. */
    public int hungUp() {
        return hungUp.get();
    }

    /** Waits (bounded) until a client hung up on this service; false if none did in time. */
    public boolean awaitHangUp(Duration atMost) throws InterruptedException {
        try {
            Awaitility.await("a client hangs up").atMost(atMost).pollInterval(Duration.ofMillis(20))
                    .until(() -> hungUp.get() > 0);
        } catch (ConditionTimeoutException e) {
            // Told by the answer: the caller asserts it, with its own words.
        }
        return hungUp.get() > 0;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                pool.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            readRequestHead(socket.getInputStream());
            fault.serve(socket, socket.getOutputStream(), this);
        } catch (IOException e) {
            hungUp.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed before its request was complete");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static void head(OutputStream out, String contentType, long contentLength) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Resets the connection (RST) as soon as the request is in. */
    public static Fault reset() {
        return (socket, out, service) -> socket.setSoLinger(true, 0);
    }

    /** Announces a body and sends only its first bytes, then closes. */
    public static Fault truncated(String body, int sent) {
        return (socket, out, service) -> {
            head(out, "application/json", body.length());
            out.write(body.substring(0, sent).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            service.bodyBytesSent.addAndGet(sent);
        };
    }

    /** Sends a JSON body one byte a second, for as long as the client stays. */
    public static Fault dribble(String body) {
        return (socket, out, service) -> {
            head(out, "application/json", body.length());
            for (byte b : body.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                service.bodyBytesSent.incrementAndGet();
                Thread.sleep(1000);
            }
        };
    }

    /** Sends a body of the given size, as fast as the client reads it. */
    public static Fault enormous(long size) {
        return (socket, out, service) -> {
            head(out, "application/json", size);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '[';
            for (long sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk);
                service.bodyBytesSent.addAndGet(chunk.length);
                chunk[0] = ' ';
            }
        };
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        pool.shutdownNow();
    }
}
