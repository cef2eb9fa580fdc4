package org.chatons.entraide.broker.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server metrics, {@code http_server_requests_seconds{method, uri, status, exception}}: the names and
 * labels of Micronaut's own binder ({@code micronaut.metrics.binders.web}, turned off in application.yml), with
 * two differences. A timer is looked up once per route, method, status and exception, then reused: the binder
 * built its tags and looked the timer up in the registry on every request, a fifth of the time a {@code /go}
 * answer took (BENCHMARKS.md). And {@code uri} is the matched route's template ({@code /go/{service}}) whatever
 * the status, where the binder labelled every 3xx answer {@code REDIRECTION}.
 *
 * <p>Every label comes from the broker's own routes or from bounded values: a request that matches no route is
 * {@code NOT_FOUND} (404) or {@code UNMATCHED_URI}, the method an {@link HttpMethod} name ({@code CUSTOM} for any
 * other), the exception a class's simple name. Nothing of the request's path, address or headers.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class HttpServerMetrics implements Ordered {

    static final String NAME = "http.server.requests";
    private static final String START = HttpServerMetrics.class.getName() + ".start";

    /** What one timer stands for; routes and exception classes are compared by identity, as they are few. */
    private record Key(Object route, HttpMethod method, int status, Class<?> exception) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.route == route && k.method == method && k.status == status
                    && k.exception == exception;
        }

        @Override
        public int hashCode() {
            return ((System.identityHashCode(route) * 31 + method.ordinal()) * 31 + status) * 31
                    + System.identityHashCode(exception);
        }
    }

    /**
     * The Prometheus registry itself, not the composite one in front of it: a timer of the composite passes every
     * record on to its children's, a second timer's work on every request (BENCHMARKS.md §3).
     */
    private final PrometheusMeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    public HttpServerMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.METRICS.order();
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(START, System.nanoTime());
    }

    @ResponseFilter
    void record(HttpRequest<?> request, HttpResponse<?> response) {
        long end = System.nanoTime();
        Object start = request.getAttributes().getValue(START);
        Object route = request.getAttributes().getValue(HttpAttributes.ROUTE_INFO.toString());
        Object thrown = response.code() >= 400 ? response.getAttributes().getValue(HttpAttributes.EXCEPTION.toString())
                : null;
        Key key = new Key(route instanceof UriRouteInfo<?, ?> ? route : null, request.getMethod(), response.code(),
                thrown instanceof Throwable ? thrown.getClass() : null);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, this::timer);
        }
        timer.record(start instanceof Long nanos ? end - nanos : 0, TimeUnit.NANOSECONDS);
    }

    /**
     * The timer of a route's answers with this status and no exception, for a route answered below Micronaut's router
     * (the same series as the router's answers of that route would be counted in).
     */
    public Timer timer(String template, HttpMethod method, int status) {
        return timer(template, method, status, null);
    }

    private Timer timer(Key key) {
        String uri = key.route() instanceof UriRouteInfo<?, ?> route ? route.getUriMatchTemplate().toPathString()
                : key.status() == 404 ? "NOT_FOUND" : "UNMATCHED_URI";
        return timer(uri, key.method(), key.status(), key.exception());
    }

    private Timer timer(String uri, HttpMethod method, int status, Class<?> exception) {
        return Timer.builder(NAME).description("Time to answer HTTP requests, by route, method and status")
                .tag("method", method.name())
                .tag("uri", uri)
                .tag("status", Integer.toString(status))
                .tag("exception", exception == null ? "none" : exception.getSimpleName())
                .register(registry);
    }
}
