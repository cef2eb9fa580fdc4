package org.chatons.entraide.broker.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.filter.GenericHttpFilter;
import io.micronaut.management.endpoint.health.filter.HealthResultFilter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ViewsFilter;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.List;
import org.chatons.entraide.broker.metrics.HttpServerMetrics;
import org.junit.jupiter.api.Test;

/** The filters every request goes through, /go's redirects included: few, and the same for every path. */
@MicronautTest
class FiltersTest {

    @Inject
    Router router;

    @Test
    void everyFilterIsMappedToEveryPathSoEachRequestGetsTheSameList() {
        List<GenericHttpFilter> go = router.findFilters(HttpRequest.GET("/go/pad"));

        // The same list object: a filter mapped to some paths only would make the router match every filter's
        // patterns against each request's path (see HealthHttpStatus).
        assertThat(router.findFilters(HttpRequest.GET("/health"))).isSameAs(go);
        assertThat(go.toString()).contains(HttpServerMetrics.class.getName(), HealthHttpStatus.class.getName())
                .doesNotContain(ViewsFilter.class.getName(), HealthResultFilter.class.getName());
    }
}
