package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.Json;

/**
 * The I/O an adapter may do: requests that share one probe's time budget, with bodies read only up to a limit,
 * so a service that sends an enormous body costs at most that limit in memory.
 * One instance per probe; the {@link HttpClient} underneath is shared.
 */
public final class Http {

    /** Bodies larger than this are cut; no documented answer comes near it. The parsers' limit, so they say it. */
    public static final int DEFAULT_MAX_BODY_BYTES = Json.MAX_BODY_BYTES;
    private static final String USER_AGENT = "entraide-probe-agent";

    private final HttpClient client;
    private final long deadlineNanos;
    private final Duration budget;
    private final int maxBodyBytes;

    /**
     * @param client       the shared client (redirects not followed, HTTP/1.1)
     * @param budget       the time all requests of this probe may take together
     * @param maxBodyBytes how much of a body is read at most
     */
    public Http(HttpClient client, Duration budget, int maxBodyBytes) {
        this.client = client;
        this.budget = budget;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
        this.maxBodyBytes = maxBodyBytes;
    }

    /** GET {@code path} relative to {@code base} (which ends with a slash). */
    public Answer get(URI base, String path, Map<String, String> headers) throws IOException, InterruptedException {
        return get(base.resolve(path), headers);
    }

    /** GET an absolute URL. */
    public Answer get(URI url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** POST a body to {@code path} relative to {@code base}. */
    public Answer post(URI base, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long left = deadlineNanos - start;
        if (left <= 0) {
            throw new HttpTimeoutException("no answer within " + seconds(budget));
        }
        request.timeout(Duration.ofNanos(left)).header("User-Agent", USER_AGENT);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new HttpTimeoutException("no answer within " + seconds(budget));
        }
        // Read one byte past the limit to know whether the body was cut; closing the stream drops the rest.
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(maxBodyBytes + 1);
        }
        boolean truncated = bytes.length > maxBodyBytes;
        String body = new String(bytes, 0, Math.min(bytes.length, maxBodyBytes), StandardCharsets.UTF_8);
        String type = response.headers().firstValue("Content-Type").orElse("");
        return new Answer(response.statusCode(), type, body, truncated, Duration.ofNanos(System.nanoTime() - start));
    }

    /** "5 s" or "500 ms", for reasons people read. */
    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
