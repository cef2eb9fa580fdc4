package org.chatons.entraide.broker.web.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Head;
import java.time.Clock;
import java.time.Instant;
import org.chatons.entraide.broker.catalogue.Service;
import org.chatons.entraide.broker.catalogue.ServiceCatalogue;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.counting.Visit;
import org.chatons.entraide.broker.counting.Visits;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.metrics.BrokerMetrics;
import org.chatons.entraide.broker.selection.Dispatcher;
import org.chatons.entraide.broker.selection.Nearby;
import org.chatons.entraide.broker.selection.Pick;
import org.chatons.entraide.broker.web.Answers;
import org.chatons.entraide.broker.web.Locality;
import org.chatons.entraide.broker.web.Problem;

/** The public JSON API: services, their hosts, and picks for pickers on other sites. */
@Controller("/api/v1/services")
public class ServicesController {

    private final ServiceCatalogue catalogue;
    private final FederationStatus status;
    private final Dispatcher dispatcher;
    private final BrokerConfig config;
    private final Clock clock;
    private final Visits visits;
    private final BrokerMetrics metrics;
    private final Locality locality;

    public ServicesController(ServiceCatalogue catalogue, FederationStatus status, Dispatcher dispatcher,
                              BrokerConfig config, Clock clock, Visits visits, BrokerMetrics metrics,
                              Locality locality) {
        this.visits = visits;
        this.metrics = metrics;
        this.catalogue = catalogue;
        this.status = status;
        this.dispatcher = dispatcher;
        this.config = config;
        this.clock = clock;
        this.locality = locality;
    }

    @Get
    public ApiViews.ServiceList services() {
        Instant now = clock.instant();
        return new ApiViews.ServiceList(catalogue.all().stream()
                .map(s -> ApiViews.ServiceView.of(s, status.service(s.id(), now))).toList());
    }

    @Get("/{service}/hosts")
    public HttpResponse<?> hosts(String service) {
        return catalogue.find(service).<HttpResponse<?>>map(s -> HttpResponse.ok(new ApiViews.HostList(s.id(),
                        status.service(s.id()).hosts().stream().map(ApiViews.HostView::of).toList())))
                .orElseGet(() -> Answers.unknownService(service));
    }

    /**
     * The same choice as {@code /go}, as JSON, with the same {@code near} and {@code lang} parameters (else the
     * caller's Accept-Language), counted the same way: the user is counted as sent there, within the client
     * network's budget, and a {@code HEAD} or a prefetch counts no one (see {@code web.redirect.GoController}). A
     * parameter that is not a code is a 400, and counts no one.
     */
    @Get("/{service}/pick")
    @Head("/{service}/pick")
    public HttpResponse<?> pick(String service, HttpRequest<?> request) {
        if (catalogue.find(service).map(Service::id).isEmpty()) {
            return Answers.unknownService(service);
        }
        Nearby near;
        try {
            near = locality.strictly(request);
        } catch (Locality.BadParameter e) {
            return Problem.of(HttpStatus.BAD_REQUEST, "/problems/bad-parameter", "Bad parameter", e.getMessage())
                    .response();
        }
        Visit visit = visits.of(request);
        if (visit == Visit.PREFETCH) {
            metrics.notAVisit(service, visit);
            return Answers.prefetchRefused();
        }
        Pick pick = dispatcher.pick(service, visit, near);
        if (pick instanceof Pick.Sent sent) {
            return HttpResponse.ok(ApiViews.PickView.of(sent, near))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return Answers.noHost((Pick.NoHost) pick, config.retryAfter());
    }
}
