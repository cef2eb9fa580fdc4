package org.chatons.entraide.broker.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code /robots.txt}: crawlers that honour it stay out of {@code /go/} (each fetch would count as a user sent to a
 * member) and {@code /api/} (live data, nothing to index); the picker's pages stay open to them.
 */
@Controller
public class RobotsController {

    static final String ROBOTS = """
            # Entraide: /go/ sends a person to a member's service and counts them there; /api/ is live data.
            User-agent: *
            Disallow: /go/
            Disallow: /api/
            """;

    @Get("/robots.txt")
    public HttpResponse<String> robots() {
        return HttpResponse.ok(ROBOTS).contentType(MediaType.TEXT_PLAIN_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "max-age=86400");
    }
}
