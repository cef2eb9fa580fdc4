package org.chatons.entraide.broker.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.views.ViewsFilter;
import org.reactivestreams.Publisher;

/**
 * Takes the place of micronaut-views' {@link ViewsFilter}, which is mapped to every path: on each request, each
 * {@code /go} redirect included, it ran the rest of the request as a reactive stream to look for a view to
 * render, about an eighth of the time a redirect took (BENCHMARKS.md). {@code web.picker.PickerPages} renders the
 * pages itself through the same renderer, so no response is left for it.
 *
 * <p>A {@code @Filter} with no pattern: the router counts it among the filters, so it can replace
 * {@code ViewsFilter} there, but matches no path and never runs. Should it ever run, it passes the request on.
 */
@Filter
@Replaces(ViewsFilter.class)
final class NoViewsFilter implements HttpServerFilter {

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return chain.proceed(request);
    }
}
