package org.chatons.entraide.broker.web.redirect;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.chatons.entraide.broker.catalogue.Service;
import org.chatons.entraide.broker.catalogue.ServiceCatalogue;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.counting.Visits;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.http.HttpDate;
import org.chatons.entraide.broker.http.Languages;
import org.chatons.entraide.broker.metrics.BrokerMetrics;
import org.chatons.entraide.broker.selection.Pick;
import org.chatons.entraide.broker.web.Answers;
import org.chatons.entraide.broker.web.picker.PickerPages;
import org.chatons.entraide.broker.web.picker.PickerViews;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What both redirects ({@code /go/{service}} and a group link) read and answer alike: whether a request is a visit,
 * the redirect itself, and the refusals, as a page for a browser and as a problem for a program.
 */
@Singleton
final class Redirects {

    private final ServiceCatalogue catalogue;
    private final BrokerMetrics metrics;
    private final BrokerConfig config;
    private final PickerPages pages;
    private final Languages languages;
    private final FederationStatus status;
    private final HttpDate date;
    private final Visits visits;

    Redirects(ServiceCatalogue catalogue, BrokerMetrics metrics, BrokerConfig config, PickerPages pages,
              Languages languages, FederationStatus status, HttpDate date, Visits visits) {
        this.catalogue = catalogue;
        this.metrics = metrics;
        this.config = config;
        this.pages = pages;
        this.languages = languages;
        this.status = status;
        this.date = date;
        this.visits = visits;
    }

    ServiceCatalogue catalogue() {
        return catalogue;
    }

    BrokerMetrics metrics() {
        return metrics;
    }

    Visits visits() {
        return visits;
    }

    HttpDate date() {
        return date;
    }

    /** 302 to the host, uncacheable (see {@link Answers#redirect}). */
    HttpResponse<?> redirect(String location) {
        return Answers.redirect(location, date);
    }

    /** The page (for a browser) or the problem saying the service is not one of the federation's. */
    HttpResponse<?> unknownService(String service, HttpRequest<?> request, boolean html) {
        return html ? pages.notFound(request, languages.resolveOrDefault(request)) : Answers.unknownService(service);
    }

    /** The service's page {@code view}, with its card and {@code extra}, in the person's language. */
    HttpResponse<?> servicePage(HttpRequest<?> request, HttpStatus code, String view, Service service,
                                Map<String, Object> extra) {
        Locale locale = languages.resolveOrDefault(request);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("service", PickerViews.Card.of(service, status.service(service.id()), locale));
        return pages.page(request, code, view, locale, model);
    }

    /** {@link #noHost(HttpRequest, Pick.NoHost, boolean)} with the service's hosts as they stand now. */
    HttpResponse<?> noHost(HttpRequest<?> request, String service, boolean html) {
        return noHost(request, new Pick.NoHost(service, status.service(service).hostsByVerdict()), html);
    }

    /** The page (for a browser) or the problem saying no host can take the person now, and when to try again. */
    HttpResponse<?> noHost(HttpRequest<?> request, Pick.NoHost none, boolean html) {
        if (html) {
            return pages.noHost(request, catalogue.find(none.service()).orElseThrow(), status.service(none.service()),
                    languages.resolveOrDefault(request), config.retryAfter());
        }
        return Answers.noHost(none, config.retryAfter());
    }
}
