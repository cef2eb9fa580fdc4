package org.chatons.entraide.broker.web.picker;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chatons.entraide.broker.catalogue.Service;
import org.chatons.entraide.broker.catalogue.ServiceCatalogue;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.eligibility.ServiceState;
import org.chatons.entraide.broker.http.Languages;

/**
 * The pages end users land on: a card per service, and every host of a service. Plain HTML from the server:
 * no script, no cookie, no asset from elsewhere.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
public class PickerController {

    private final ServiceCatalogue catalogue;
    private final FederationStatus status;
    private final Languages languages;
    private final PickerPages pages;
    private final Clock clock;
    private final RoomForm rooms;

    PickerController(ServiceCatalogue catalogue, FederationStatus status, Languages languages,
                     PickerPages pages, Clock clock, RoomForm rooms) {
        this.rooms = rooms;
        this.catalogue = catalogue;
        this.status = status;
        this.languages = languages;
        this.pages = pages;
        this.clock = clock;
    }

    @Get("/")
    public HttpResponse<?> index(HttpRequest<?> request) {
        Locale locale = languages.resolveOrDefault(request);
        Instant now = clock.instant();
        List<PickerViews.Card> cards = catalogue.all().stream()
                .map(s -> PickerViews.Card.of(s, status.service(s.id(), now), locale))
                .filter(c -> c.hosts() > 0).toList();
        return pages.page(request, HttpStatus.OK, "index", locale, Map.of("cards", cards));
    }

    @Get("/services/{service}")
    public HttpResponse<?> service(String service, HttpRequest<?> request) {
        Locale locale = languages.resolveOrDefault(request);
        Optional<Service> found = catalogue.find(service);
        if (found.isEmpty()) {
            return pages.notFound(request, locale);
        }
        ServiceState state = status.service(service);
        Map<String, Object> model = new HashMap<>(Map.of("service", PickerViews.Card.of(found.get(), state, locale),
                "hosts", pages.rows(state, locale), "documentsStay", rooms.documentsStay(service),
                "away", pages.sentAway(request, state, locale), "agentSeconds", PickerViews.usualAgentSeconds(state)));
        if (rooms.offered(service)) {
            model.put("rooms", rooms.of(service, request));
        }
        return pages.page(request, HttpStatus.OK, "service", locale, model);
    }
}
