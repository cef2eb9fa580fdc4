package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chatons.entraide.agent.http.BoundedExchange;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.Json;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.WireRules;

/**
 * The I/O an adapter may do: requests that share one probe's time budget, body included, with bodies read only up
 * to a limit, so a service that sends an enormous body, or dribbles one, costs at most that limit and that time.
 * Redirects of a GET are followed on the same host only, at most {@value #MAX_REDIRECTS} of them: a login page is
 * a working service, a loop is not (DOWN), and another host is not the one being measured (DEGRADED, not followed,
 * so neither a probe's secret headers nor the agent itself are sent where a service points them).
 * One instance per probe; the {@link HttpClient} underneath is shared.
 */
public final class Http {

    /** Bodies larger than this are cut; no documented answer comes near it. The parsers' limit, so they say it. */
    public static final int DEFAULT_MAX_BODY_BYTES = Json.MAX_BODY_BYTES;
    /** Redirects followed per request, as browsers stop after some twenty: a service needs one or two. */
    static final int MAX_REDIRECTS = 5;
    /** The header of a request for a JSON answer. */
    public static final Map<String, String> JSON = Map.of("Accept", "application/json");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String USER_AGENT = "entraide-probe-agent";

    private final HttpClient client;
    private final long deadlineNanos;
    private final Duration budget;
    private final int maxBodyBytes;

    /**
     * @param client       the shared client (redirects not followed by it, HTTP/1.1)
     * @param budget       the time all requests of this probe may take together, bodies included
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
        return send(request, url, true);
    }

    /** POST a body to {@code path} relative to {@code base}; a redirect is the answer, not followed. */
    public Answer post(URI base, String path, String contentType, String body)
            throws IOException, InterruptedException {
        URI url = base.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(request, url, false);
    }

    private Answer send(HttpRequest.Builder request, URI url, boolean followRedirects)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<URI> visited = new ArrayList<>(List.of(url));
        URI current = url;
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new HttpTimeoutException("no answer within " + BoundedExchange.words(budget));
            }
            request.uri(current).timeout(Duration.ofNanos(left)).setHeader("User-Agent", USER_AGENT);
            BoundedExchange.Result result = BoundedExchange.send(client, request.build(), maxBodyBytes,
                    Duration.ofNanos(left), budget);
            Optional<String> location = result.headers().firstValue("Location");
            if (!followRedirects || !REDIRECTS.contains(result.status()) || location.isEmpty()) {
                String body = new String(result.body(), StandardCharsets.UTF_8);
                String type = result.headers().firstValue("Content-Type").orElse("");
                return new Answer(result.status(), type, body, result.truncated(),
                        Duration.ofNanos(System.nanoTime() - start));
            }
            current = next(current, location.get(), result.status(), visited);
            visited.add(current);
        }
    }

    /** Where a redirect leads, when it may be followed; otherwise why not, as the host's status and reason. */
    private static URI next(URI from, String location, int status, List<URI> visited) throws HttpFault {
        URI to;
        try {
            to = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new HttpFault(HostStatus.DOWN, from.getRawPath() + " answers " + status + " to an invalid URL");
        }
        boolean downgrade = "https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(to.getScheme());
        boolean web = "http".equalsIgnoreCase(to.getScheme()) || "https".equalsIgnoreCase(to.getScheme());
        if (!web || to.getHost() == null || !to.getHost().equalsIgnoreCase(from.getHost()) || downgrade) {
            throw new HttpFault(HostStatus.DEGRADED, from.getRawPath() + " redirects to another host ("
                    + shown(to) + "), not followed: probe the URL it leads to");
        }
        if (visited.contains(to) || visited.size() > MAX_REDIRECTS) {
            List<String> paths = new ArrayList<>(visited.stream().map(Http::path).toList());
            paths.add(path(to));
            throw new HttpFault(HostStatus.DOWN, (visited.contains(to) ? "redirect loop: " : "too many redirects: ")
                    + String.join(" -> ", paths));
        }
        return to;
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    /** Scheme, host and port of a URL a service gave: its user-info and path are none of the agent's business. */
    private static String shown(URI uri) {
        String host = uri.getHost() == null ? WireRules.withoutUserInfo(uri.toString()) : uri.getHost();
        return (uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT) + "://") + host
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
