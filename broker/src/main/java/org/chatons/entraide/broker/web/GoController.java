package org.chatons.entraide.broker.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.chatons.entraide.broker.catalogue.ServiceCatalogue;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.metrics.BrokerMetrics;
import org.chatons.entraide.broker.selection.Dispatcher;
import org.chatons.entraide.broker.selection.Pick;

/**
 * {@code GET /go/{service}}: sends a new user to a host. Reads nothing of the request but the service: no
 * address, no cookie, no user agent.
 */
@Controller
public class GoController {

    private final ServiceCatalogue catalogue;
    private final Dispatcher dispatcher;
    private final BrokerMetrics metrics;
    private final BrokerConfig config;

    public GoController(ServiceCatalogue catalogue, Dispatcher dispatcher, BrokerMetrics metrics, BrokerConfig config) {
        this.catalogue = catalogue;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.config = config;
    }

    /** 302, never 301: browsers cache a 301 and would skip the broker next time. */
    @Get("/go/{service}")
    public HttpResponse<?> go(String service) {
        long start = System.nanoTime();
        if (!catalogue.contains(service)) {
            metrics.go(null, BrokerMetrics.GoOutcome.UNKNOWN_SERVICE, System.nanoTime() - start);
            return Answers.unknownService(service);
        }
        Pick pick = dispatcher.pick(service);
        if (pick instanceof Pick.Sent sent) {
            metrics.go(service, BrokerMetrics.GoOutcome.REDIRECT, System.nanoTime() - start);
            return HttpResponse.status(HttpStatus.FOUND)
                    .header(HttpHeaders.LOCATION, sent.host().report().url())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        metrics.go(service, BrokerMetrics.GoOutcome.NO_HOST, System.nanoTime() - start);
        return Answers.noHost((Pick.NoHost) pick, config.retryAfter());
    }
}
