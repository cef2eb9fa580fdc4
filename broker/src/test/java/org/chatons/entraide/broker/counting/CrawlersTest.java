package org.chatons.entraide.broker.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.broker.BrokerTestBase;
import org.junit.jupiter.api.Test;

/** Crawlers, link checkers, browsers' prefetches and pages' own requests reach /go without counting as users sent. */
@MicronautTest
class CrawlersTest extends BrokerTestBase {

    double estimatedLoad() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) parse(get("/api/v1/services/pad/hosts"))
                .get("hosts");
        return ((Number) hosts.get(0).get("estimatedLoad")).doubleValue();
    }

    @Test
    void robotsTxtKeepsCrawlersOutOfGoAndTheApi() {
        HttpResponse<String> robots = get("/robots.txt");

        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(robots.body().lines()).contains("User-agent: *", "Disallow: /go/", "Disallow: /api/");
    }

    @Test
    void everyLinkToGoIsNofollow() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));
        report("beta", host("beta", "visio-1", "visio", 100, 100));

        for (String page : List.of("/", "/services/pad", "/go/visio")) {
            String html = send(request(page).header("Accept", "text/html").GET()).body();
            List<String> links = java.util.regex.Pattern.compile("<a\\b[^>]*>").matcher(html).results()
                    .map(m -> m.group()).filter(a -> a.contains("href=\"/go/")).toList();
            assertThat(links).as(page).isNotEmpty().allMatch(a -> a.contains("rel=\"nofollow\""));
        }
    }

    @Test
    void aHeadAnswersTheRedirectWithoutCountingAnyone() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));

        for (int i = 0; i < 50; i++) {
            HttpResponse<String> head = send(request("/go/pad").method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).isEqualTo(302);
            assertThat(head.headers().firstValue("Location")).hasValue("https://pad-1.alpha.example.org/");
            assertThat(send(request("/api/v1/services/pad/pick").method("HEAD", HttpRequest.BodyPublishers.noBody()))
                    .statusCode()).isEqualTo(200);
        }

        assertThat(estimatedLoad()).isEqualTo(0.1);
        assertThat(get("/prometheus").body())
                .containsPattern("entraide_redirects_discounted_total\\{reason=\"head\",service=\"pad\"} 100");
    }

    @Test
    void aPrefetchIsRefusedUnstoredAndTheRealVisitAfterItCounts() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));

        for (String[] header : List.of(new String[] {"Sec-Purpose", "prefetch"},
                new String[] {"Sec-Purpose", "prefetch;prerender"}, new String[] {"Purpose", "prefetch"},
                new String[] {"X-Moz", "prefetch"})) {
            HttpResponse<String> prefetch = send(request("/go/pad").header(header[0], header[1]).GET());
            assertThat(prefetch.statusCode()).as(header[0]).isEqualTo(503);
            assertThat(prefetch.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(prefetch.headers().firstValue("Location")).isEmpty();
        }
        assertThat(estimatedLoad()).isEqualTo(0.1);

        assertThat(get("/go/pad").statusCode()).isEqualTo(302);
        assertThat(estimatedLoad()).isEqualTo(0.11);
    }

    @Test
    void aPagesOwnRequestForGoIsAnsweredWithoutCountingAndAPersonsNavigationCounts() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));

        // What a browser sends for an <img>, a script's fetch and an <iframe> pointing at /go/pad on another site.
        for (String[] fetch : List.of(new String[] {"no-cors", "image"}, new String[] {"cors", "empty"},
                new String[] {"navigate", "iframe"})) {
            HttpResponse<String> embedded = send(request("/go/pad").header("Sec-Fetch-Mode", fetch[0])
                    .header("Sec-Fetch-Dest", fetch[1]).header("Sec-Fetch-Site", "cross-site").GET());
            assertThat(embedded.statusCode()).as(fetch[1]).isEqualTo(302);
        }
        assertThat(estimatedLoad()).isEqualTo(0.1);
        assertThat(get("/prometheus").body())
                .containsPattern("entraide_redirects_discounted_total\\{reason=\"embedded\",service=\"pad\"} 3");

        // A person following a link from another site, then a partner page's script asking /pick for a person.
        assertThat(send(request("/go/pad").header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-User", "?1").GET()).statusCode())
                .isEqualTo(302);
        assertThat(estimatedLoad()).isEqualTo(0.11);
        assertThat(send(request("/api/v1/services/pad/pick").header("Sec-Fetch-Mode", "cors")
                .header("Sec-Fetch-Dest", "empty").GET()).statusCode()).isEqualTo(200);
        assertThat(estimatedLoad()).isEqualTo(0.12);
    }

    @Test
    void aLinkPreviewOnGoIsAnsweredWithoutCountingAndAScriptAskingPickForAPersonCounts() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));

        // What a Mastodon server fetches for the card of a post that links to /go/pad, and a chat app's preview.
        for (String agent : List.of("http.rb/5.1.1 (Mastodon/4.2.10; +https://mastodon.example/)",
                "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)")) {
            HttpResponse<String> preview = send(request("/go/pad").header("User-Agent", agent).GET());
            assertThat(preview.statusCode()).as(agent).isEqualTo(302);
            assertThat(preview.headers().firstValue("Location")).hasValue("https://pad-1.alpha.example.org/");
        }
        assertThat(estimatedLoad()).isEqualTo(0.1);
        assertThat(get("/prometheus").body())
                .containsPattern("entraide_redirects_discounted_total\\{reason=\"robot\",service=\"pad\"} 2");

        // A partner's server asking /pick for a person with whatever its HTTP library is called.
        assertThat(send(request("/api/v1/services/pad/pick").header("User-Agent", "python-requests/2.31.0").GET())
                .statusCode()).isEqualTo(200);
        assertThat(estimatedLoad()).isEqualTo(0.11);
    }
}
