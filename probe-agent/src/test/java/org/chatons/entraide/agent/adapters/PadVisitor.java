package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a pad on a real Etherpad the way its page does, over socket.io's long-polling transport, without a
 * browser: handshake, connect, CLIENT_READY. Engine.IO 3 (Etherpad 1.8, socket.io 2) and 4 (Etherpad 2.x).
 */
final class PadVisitor implements AutoCloseable {

    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final int eio;
    private String sid;

    /** @param eio 3 for Etherpad 1.8, 4 for Etherpad 2 */
    PadVisitor(URI base, int eio) {
        this.base = base;
        this.eio = eio;
    }

    /** Connects and asks for a pad, as a browser opening /p/{pad} does. */
    void open(String pad) throws IOException, InterruptedException {
        String handshake = get();
        Matcher m = SID.matcher(handshake);
        if (!m.find()) {
            throw new IOException("no socket.io session in " + handshake);
        }
        sid = m.group(1);
        if (eio == 4) {
            post("40"); // Engine.IO 4 connects to the default namespace only when asked
        }
        get();
        String ready = "42[\"message\",{\"component\":\"pad\",\"type\":\"CLIENT_READY\",\"padId\":\"" + pad
                + "\",\"sessionID\":\"null\",\"token\":\"t." + UUID.randomUUID().toString().replace("-", "")
                + "\",\"password\":null,\"protocolVersion\":2}]";
        post(ready);
        get();
    }

    private String get() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url()).timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private void post(String packet) throws IOException, InterruptedException {
        // Engine.IO 3 frames each packet with its length; 4 sends it as it is.
        String body = eio == 3 ? packet.length() + ":" + packet : packet;
        HttpRequest request = HttpRequest.newBuilder(url()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("socket.io POST answered " + response.statusCode() + ": " + response.body());
        }
    }

    private URI url() {
        return base.resolve("socket.io/?EIO=" + eio + "&transport=polling&b64=1" + (sid == null ? "" : "&sid=" + sid));
    }

    /** Leaves the pad: the Engine.IO close packet. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (sid != null) {
            post("1");
            sid = null;
        }
    }
}
