package org.chatons.entraide.broker.publicprobe;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * GETs to members' servers, as the broker makes them on a member's word (ChatonsInfos files, public probes):
 * Micronaut's HTTP client, one timeout per request, bodies over a size limit refused rather than read, redirects
 * not followed (the caller decides whether to), and a User-Agent that names Entraide and where to read about it,
 * so a member who sees it in its logs knows who asks and why. Never on an event-loop thread: it blocks.
 */
public final class OutsideHttp implements AutoCloseable {

    /**
     * One answer.
     *
     * @param status      the HTTP status
     * @param contentType the Content-Type, or ""
     * @param location    the Location header, or null
     * @param body        the body (at most the size limit)
     * @param elapsed     from sending to the end of the body
     */
    public record Raw(int status, String contentType, String location, byte[] body, Duration elapsed) {
    }

    private final HttpClient client;
    private final BlockingHttpClient blocking;
    private final String userAgent;
    private final int maxBytes;

    /**
     * @param timeout   to connect, and to read the answer
     * @param maxBytes  larger bodies are refused ({@link IOException})
     * @param userAgent sent with every request
     */
    public OutsideHttp(Duration timeout, int maxBytes, String userAgent) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        configuration.setConnectTimeout(timeout);
        configuration.setReadTimeout(timeout);
        configuration.setMaxContentLength(maxBytes);
        this.client = HttpClient.create(null, configuration);
        this.blocking = client.toBlocking();
        this.userAgent = userAgent;
        this.maxBytes = maxBytes;
    }

    /**
     * GETs an absolute http(s) URL.
     *
     * @throws IOException when no answer came (refused, timed out, too large, not HTTP), with the reason in words
     */
    public Raw get(URI url, String accept) throws IOException {
        HttpRequest<?> request = HttpRequest.GET(url).header(HttpHeaders.USER_AGENT, userAgent)
                .header(HttpHeaders.ACCEPT, accept);
        long start = System.nanoTime();
        HttpResponse<?> response;
        try {
            response = blocking.exchange(request, Argument.of(byte[].class), Argument.of(byte[].class));
        } catch (HttpClientResponseException e) {
            response = e.getResponse(); // 4xx and 5xx are answers too: the probe reads their status
        } catch (ContentLengthExceededException e) {
            throw new IOException("answer larger than " + maxBytes / 1024 + " KiB, not read");
        } catch (ReadTimeoutException e) {
            throw new IOException("no answer within " + seconds(since(start)));
        } catch (HttpClientException e) {
            throw new IOException(reason(e));
        }
        byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
        return new Raw(response.getStatus().getCode(), type(response), response.getHeaders().get(HttpHeaders.LOCATION),
                body, since(start));
    }

    private static String type(HttpResponse<?> response) {
        return response.getHeaders().get(HttpHeaders.CONTENT_TYPE) == null ? ""
                : response.getHeaders().get(HttpHeaders.CONTENT_TYPE);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 120 ? message.substring(0, 120) + "..." : message;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** "5 s" or "500 ms", for reasons people read. */
    static String seconds(Duration d) {
        return d.toMillis() >= 1000 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        client.close();
    }
}
