package org.chatons.entraide.broker.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.filter.HealthResultFilter;
import io.micronaut.management.health.indicator.HealthResult;

/**
 * Gives {@code /health} its HTTP status from the health result (200 when UP, 503 when DOWN, or as
 * {@code endpoints.health.status.http-mapping} says), as micronaut-management's {@link HealthResultFilter} does.
 *
 * <p>It replaces that filter for one reason: mapped to the health paths only, it was the one filter that made
 * Micronaut's router match every filter's patterns against every request's path, instead of handing each request
 * the same list of filters mapped to all paths; about a tenth of a {@code /go} redirect's time (BENCHMARKS.md).
 * Mapped to every path, it looks at each response's body and leaves alone any that is not a health result.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Replaces(HealthResultFilter.class)
final class HealthHttpStatus {

    private final HealthEndpoint health;

    HealthHttpStatus(HealthEndpoint health) {
        this.health = health;
    }

    @ResponseFilter
    void status(MutableHttpResponse<?> response) {
        if (response.body() instanceof HealthResult result) {
            HealthStatus status = result.getStatus();
            HttpStatus mapped = health.getStatusConfiguration().getHttpMapping().get(status.getName());
            if (mapped != null) {
                response.status(mapped);
            } else if (!status.getOperational().orElse(true)) {
                response.status(HttpStatus.SERVICE_UNAVAILABLE);
            }
        }
    }
}
