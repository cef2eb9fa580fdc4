package org.chatons.entraide.broker.web.picker;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.chatons.entraide.broker.catalogue.Service;
import org.chatons.entraide.broker.config.CountingConfig;
import org.chatons.entraide.broker.eligibility.Eligibility;
import org.chatons.entraide.broker.eligibility.HostState;
import org.chatons.entraide.broker.eligibility.ServiceState;
import org.chatons.entraide.broker.i18n.CountryNames;
import org.chatons.entraide.broker.i18n.Messages;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.members.Members;
import org.chatons.entraide.broker.publicprobe.PublicProbeConfig;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.selection.Nearby;
import org.chatons.entraide.broker.web.Locality;
import org.chatons.entraide.probes.software.Softwares;

/**
 * Renders the picker's pages with the headers every one of them needs. A page is rendered here, through
 * micronaut-views' own renderer, rather than returned as a {@code ModelAndView} for its {@code ViewsFilter} to
 * render: that filter would wrap every request, redirects included, in a reactive chain (see
 * {@code http.NoViewsFilter}).
 */
@Singleton
public class PickerPages {

    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;
    private final Locality locality;
    private final Messages messages;
    private final CountryNames countryNames;
    private final Members members;
    private final HostRegistry registry;
    private final Softwares softwares;
    /** What the texts say of the broker's own pace: its settings, not words that could drift from them. */
    private final long probeSeconds;
    private final long forgetSeconds;

    PickerPages(ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer, Locality locality,
                Messages messages, CountryNames countryNames, Members members, HostRegistry registry,
                Softwares softwares, PublicProbeConfig probe, CountingConfig counting) {
        this.probeSeconds = probe.interval().toSeconds();
        this.forgetSeconds = counting.perNetworkWindow().toSeconds();
        this.renderer = renderer;
        this.locality = locality;
        this.messages = messages;
        this.countryNames = countryNames;
        this.members = members;
        this.registry = registry;
        this.softwares = softwares;
    }

    /** The hosts of a service as its page lists them. */
    List<PickerViews.HostRow> rows(ServiceState state, Locale locale) {
        return state.hosts().stream().map(h -> PickerViews.HostRow.of(h, locale, softwares)).toList();
    }

    /**
     * For a service's page: when the person chose a country ({@code ?near=}) and none of its members' hosts can
     * take a new user now while others can, the sentence saying they will be sent elsewhere (the choice widens as
     * {@code selection.NearFirst} does); empty otherwise.
     */
    String sentAway(HttpRequest<?> request, ServiceState state, Locale locale) {
        Nearby near = locality.of(request);
        if (!near.chosen() || !Nearby.isCountry(near.country())) {
            return "";
        }
        boolean home = state.hosts().stream()
                .anyMatch(h -> h.eligible() && near.country().equals(h.host().member().country()));
        boolean elsewhere = state.hosts().stream().anyMatch(HostState::eligible);
        return home || !elsewhere ? "" : messages.format(locale, "near.away", countryNames.in(near.country(), locale));
    }

    /** A page: no caching of live data, no referrer leaked to the hosts a person goes to. */
    public MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String view, Locale locale,
                                Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("page", PickerViews.Page.of(locale, NearView.of(locality.of(request), Locality.chosen(request), locale,
                messages, countryNames, knownMembers()), probeSeconds, forgetSeconds));
        Writable html = renderer.render(new ModelAndView<>(view, all), request, MediaType.TEXT_HTML)
                .orElseThrow(() -> new IllegalStateException("no renderer for the view " + view));
        return HttpResponse.status(status).body(html)
                .contentType(HTML)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer");
    }

    /** 503 in the person's language, listing the hosts that are full or closed, not an error trace. */
    public MutableHttpResponse<?> noHost(HttpRequest<?> request, Service service, ServiceState state, Locale locale,
                                  Duration retryAfter) {
        List<PickerViews.HostRow> unavailable = state.hosts().stream()
                .filter(h -> h.verdict() == Eligibility.FULL || h.verdict() == Eligibility.CLOSED)
                .map(h -> PickerViews.HostRow.of(h, locale, softwares)).toList();
        return page(request, HttpStatus.SERVICE_UNAVAILABLE, "nohost", locale, Map.of(
                "service", PickerViews.Card.of(service, state, locale), "unavailable", unavailable,
                "others", state.hosts().size() - unavailable.size()))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    /** The members file's members in force, and those the hosts came from (ChatonsInfos declares members of its own). */
    private List<Member> knownMembers() {
        return Stream.concat(members.current().all().stream(), registry.all().map(t -> t.host().member())).distinct().toList();
    }

    /** 404 in the person's language: no such service. */
    public MutableHttpResponse<?> notFound(HttpRequest<?> request, Locale locale) {
        return notFound(request, locale, "notfound.title");
    }

    /** 404 in the person's language, titled by the message {@code title}, with a link back to the picker. */
    MutableHttpResponse<?> notFound(HttpRequest<?> request, Locale locale, String title) {
        return page(request, HttpStatus.NOT_FOUND, "notfound", locale, Map.of("titleKey", title));
    }

    /** Whether the client asked for a page by name (browsers do); curl's {@code *}/{@code *} gets JSON. */
    public static boolean wantsHtml(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(t -> MediaType.TEXT_HTML.equals(t.getName()));
    }
}
