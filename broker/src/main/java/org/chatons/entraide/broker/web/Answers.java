package org.chatons.entraide.broker.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.chatons.entraide.broker.http.HttpDate;
import org.chatons.entraide.broker.selection.Pick;

/** Answers shared by the redirect and the JSON API, so both say the same thing the same way. */
public final class Answers {

    /** A redirect's headers besides Location and Date (see {@link #redirect}). */
    public static final String NO_STORE = "no-store";
    public static final String REFERRER_POLICY = "Referrer-Policy";
    public static final String NO_REFERRER = "no-referrer";

    private Answers() {
    }

    public static HttpResponse<?> unknownService(String service) {
        return Problem.of(HttpStatus.NOT_FOUND, "/problems/unknown-service", "Unknown service",
                "no service '" + service + "': see /api/v1/services").response();
    }

    /**
     * The answer to a browser's prefetch of a redirect: an error, never stored, which browsers do not use for the
     * navigation (they ask again when the person follows the link).
     */
    public static HttpResponse<?> prefetchRefused() {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.VARY, "Sec-Purpose, Purpose");
    }

    /**
     * The redirect of {@code /go} and of a group link: 302, never 301 (browsers cache a 301 and would skip the
     * broker next time), not stored, no referrer passed on to the host.
     */
    public static HttpResponse<?> redirect(String location, HttpDate date) {
        return HttpResponse.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, location)
                .header(HttpHeaders.DATE, date.now())
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .header(REFERRER_POLICY, NO_REFERRER);
    }

    /** 503 with Retry-After and how many hosts there are per reason. */
    public static HttpResponse<?> noHost(Pick.NoHost none, Duration retryAfter) {
        Map<String, Integer> reasons = none.hostsByVerdict().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue, Integer::sum, TreeMap::new));
        String detail = reasons.isEmpty() ? "no member offers '" + none.service() + "' right now"
                : "no host of '" + none.service() + "' can take a new user right now: " + reasons.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().toLowerCase()).collect(Collectors.joining(", "));
        return new Problem("/problems/no-eligible-host", "No host available", 503, detail, java.util.List.of(),
                reasons).response()
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
