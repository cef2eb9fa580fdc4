package org.chatons.entraide.broker.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chatons.entraide.broker.catalogue.Service;
import org.chatons.entraide.broker.eligibility.Eligibility;
import org.chatons.entraide.broker.eligibility.ServiceState;

/** Renders the picker's pages with the headers every one of them needs. */
@Singleton
public class PickerPages {

    /** A page: no caching of live data, no referrer leaked to the hosts a person goes to. */
    MutableHttpResponse<?> page(HttpStatus status, String view, Locale locale, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("page", PickerViews.Page.of(locale));
        return HttpResponse.status(status).body(new ModelAndView<>(view, all))
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer");
    }

    /** 503 in the person's language, listing the hosts that are full or closed, not an error trace. */
    MutableHttpResponse<?> noHost(Service service, ServiceState state, Locale locale, Duration retryAfter) {
        List<PickerViews.HostRow> unavailable = state.hosts().stream()
                .filter(h -> h.verdict() == Eligibility.FULL || h.verdict() == Eligibility.CLOSED)
                .map(h -> PickerViews.HostRow.of(h, locale)).toList();
        return page(HttpStatus.SERVICE_UNAVAILABLE, "nohost", locale, Map.of(
                "service", PickerViews.Card.of(service, state, locale), "unavailable", unavailable,
                "others", state.hosts().size() - unavailable.size()))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    MutableHttpResponse<?> notFound(Locale locale) {
        return page(HttpStatus.NOT_FOUND, "notfound", locale, Map.of());
    }

    /** Whether the client asked for a page by name (browsers do); curl's {@code *}/{@code *} gets JSON. */
    static boolean wantsHtml(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(t -> MediaType.TEXT_HTML.equals(t.getName()));
    }
}
