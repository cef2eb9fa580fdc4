package org.chatons.entraide.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * GETs from a chosen loopback source address (all of 127.0.0.0/8 is loopback on Linux), so one test can stand for
 * clients in different networks: 127.0.5.1 and 127.42.0.1 are in different /24s. Plain HTTP/1.1 over a socket:
 * the JDK's client cannot choose its source address before Java 19.
 */
public final class LoopbackClient {

    private final URI server;

    public LoopbackClient(URI server) {
        this.server = server;
    }

    /** The status of {@code GET path} sent from {@code source}, with the given extra header lines. */
    public int get(String source, String path, String... headerLines) {
        return request("GET", source, path, headerLines);
    }

    public int request(String method, String source, String path, String... headerLines) {
        return answer(method, source, path, headerLines).status();
    }

    /** The status of a request and its Location header (null when it has none). */
    public record Answer(int status, String location) {
    }

    /** {@code GET path} from {@code source}: its status and where it redirects. */
    public Answer redirect(String source, String path, String... headerLines) {
        return answer("GET", source, path, headerLines);
    }

    private Answer answer(String method, String source, String path, String... headerLines) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.getPort()), 10_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: */*\r\nConnection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = readLine(in);
            String location = null;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                    location = line.substring(9).strip();
                }
            }
            // "HTTP/1.1 302 Found"
            return new Answer(Integer.parseInt(status.split(" ")[1]), location);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
