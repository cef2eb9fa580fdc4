package org.chatons.entraide.broker.web.redirect;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Head;
import io.micronaut.http.annotation.Produces;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.chatons.entraide.broker.catalogue.Service;
import org.chatons.entraide.broker.counting.Visit;
import org.chatons.entraide.broker.metrics.BrokerMetrics;
import org.chatons.entraide.broker.rooms.RoomFinder;
import org.chatons.entraide.broker.rooms.RoomName;
import org.chatons.entraide.broker.selection.Dispatcher;
import org.chatons.entraide.broker.web.Answers;
import org.chatons.entraide.broker.web.Locality;
import org.chatons.entraide.broker.web.Problem;
import org.chatons.entraide.broker.web.api.ApiViews;
import org.chatons.entraide.broker.web.picker.PickerPages;

/**
 * Group links: {@code GET /go/{service}/{name}} sends everyone who follows one link to the same room on the same
 * host ({@code rooms.RoomFinder}), and {@code GET /api/v1/services/{service}/rooms/{name}} says where, for other
 * pickers. Nothing of the person changes the host: not Accept-Language, not the address, not the moment; only a
 * {@code ?near=} written in the link, alike for everyone who follows it.
 *
 * <p>A visit counts as on {@code /go} ({@code counting.Visits}, {@link Dispatcher#sentTo}): within its network's
 * budget, not for a robot, a preview or a page's own request; the user counted as sent weighs on that host's
 * estimate for {@code /go}, in the redirect metrics and in the users sent since its report. The room's host is
 * chosen from reports alone, so a flood aimed at one name moves no other room. The name is a person's data: it is in no log, metric label, error text or store;
 * only the {@code Location} it makes holds it, and only when it is in {@link RoomName}'s safe set.
 */
@Controller
public class RoomsController {

    private final Redirects redirects;
    private final RoomFinder finder;
    private final Dispatcher dispatcher;

    public RoomsController(Redirects redirects, RoomFinder finder, Dispatcher dispatcher) {
        this.redirects = redirects;
        this.finder = finder;
        this.dispatcher = dispatcher;
    }

    /** 302 to the room, with the headers of {@code /go}; HEAD and prefetches count no one. */
    @Get("/go/{service}/{name}")
    @Head("/go/{service}/{name}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE, MediaType.TEXT_HTML})
    public HttpResponse<?> go(String service, String name, HttpRequest<?> request) {
        long start = System.nanoTime();
        BrokerMetrics metrics = redirects.metrics();
        boolean html = PickerPages.wantsHtml(request);
        Optional<HttpResponse<?>> refused = refusal(service, name, request, html);
        if (refused.isPresent()) {
            if (!redirects.catalogue().contains(service)) {
                metrics.go(null, BrokerMetrics.GoOutcome.UNKNOWN_SERVICE, System.nanoTime() - start);
            }
            return refused.get();
        }
        Visit visit = redirects.visits().ofNavigation(request);
        if (visit == Visit.PREFETCH) {
            metrics.notAVisit(service, visit);
            return Answers.prefetchRefused();
        }
        RoomName room = new RoomName(name);
        Optional<RoomFinder.Room> found = finder.find(service, room, country(request));
        if (found.isEmpty()) {
            metrics.go(service, BrokerMetrics.GoOutcome.NO_HOST, System.nanoTime() - start);
            return redirects.noHost(request, service, html);
        }
        dispatcher.sentTo(found.get().host(), visit);
        metrics.go(service, BrokerMetrics.GoOutcome.REDIRECT, System.nanoTime() - start);
        return redirects.redirect(address(found.get(), room).toString());
    }

    /** Where the name leads now, as JSON, counting no one: the same choice as {@code /go/{service}/{name}}. */
    @Get("/api/v1/services/{service}/rooms/{name}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public HttpResponse<?> where(String service, String name, HttpRequest<?> request) {
        Optional<HttpResponse<?>> refused = refusal(service, name, request, false);
        if (refused.isPresent()) {
            return refused.get();
        }
        RoomName room = new RoomName(name);
        return finder.find(service, room, country(request))
                .<HttpResponse<?>>map(r -> HttpResponse.ok(ApiViews.RoomView.of(service, r, address(r, room)))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"))
                .orElseGet(() -> redirects.noHost(request, service, false));
    }

    /** Why the link cannot lead to a room, if it cannot: an unknown service, one without rooms, a name unsafe. */
    private Optional<HttpResponse<?>> refusal(String service, String name, HttpRequest<?> request, boolean html) {
        Optional<Service> known = redirects.catalogue().find(service);
        if (known.isEmpty()) {
            return Optional.of(redirects.unknownService(service, request, html));
        }
        if (!finder.hasNamedRooms(service)) {
            return Optional.of(html ? redirects.servicePage(request, HttpStatus.NOT_FOUND, "norooms", known.get(), Map.of())
                    : Problem.of(HttpStatus.NOT_FOUND, "/problems/no-named-rooms", "No group links",
                    "'" + service + "' keeps each document on the member that made it: share that member's own"
                            + " link, or open a new one at /go/" + service).response());
        }
        if (RoomName.of(name).filter(r -> finder.takes(service, r)).isEmpty()) {
            // The name is not repeated: it is a person's data, and an unsafe one is what the page must not echo.
            return Optional.of(html ? redirects.servicePage(request, HttpStatus.BAD_REQUEST, "badroom", known.get(),
                    Map.of("maxLength", RoomName.MAX_LENGTH))
                    : Problem.of(HttpStatus.BAD_REQUEST, "/problems/bad-room-name", "Bad room name",
                    "a room name holds 1 to " + RoomName.MAX_LENGTH + " letters (a-z, A-Z), digits, '-' or '_',"
                            + " beginning with a letter or a digit").response());
        }
        return Optional.empty();
    }

    /** The country the link names, never the browser's: two people following one link must meet. */
    private static String country(HttpRequest<?> request) {
        String chosen = Locality.chosen(request);
        return chosen == null || Locality.ANY.equals(chosen) ? null : chosen;
    }

    private static URI address(RoomFinder.Room room, RoomName name) {
        return room.shape().room(URI.create(room.host().host().report().url()), name.value()).orElseThrow();
    }
}
