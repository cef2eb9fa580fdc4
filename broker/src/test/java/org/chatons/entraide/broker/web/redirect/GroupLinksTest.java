package org.chatons.entraide.broker.web.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.withStatus;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group links over HTTP: {@code /go/visio/NAME}, its refusals, and the API that says where a name leads. */
@MicronautTest
class GroupLinksTest extends BrokerTestBase {

    private static final List<String> NAMES = IntStream.range(0, 60).mapToObj(k -> "Groupe-" + k).toList();

    static HostReport jitsi(String member, String id, int users, int capacity) {
        return new HostReport(id, "visio", "jitsi", "https://" + id + "." + member + ".example.org/", HostStatus.UP,
                true, users, capacity, null, null);
    }

    @BeforeEach
    void fourMembersOfferVideoCalls() {
        report("alpha", jitsi("alpha", "visio-1", 0, 100));
        report("beta", jitsi("beta", "visio-2", 0, 100));
        report("delta", jitsi("delta", "visio-3", 0, 100));
        report("epsilon", jitsi("epsilon", "visio-4", 0, 100));
    }

    @Test
    void aGroupLinkLeadsToItsRoomWithTheHeadersOfGo() {
        HttpResponse<String> go = get("/go/visio/AssembleeGenerale");

        assertThat(go.statusCode()).isEqualTo(302);
        assertThat(go.headers().firstValue("Location").orElseThrow())
                .matches("https://visio-[1-4]\\.[a-z]+\\.example\\.org/AssembleeGenerale");
        assertThat(go.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(go.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(go.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void nothingOfThePersonChangesTheHostButCaseIsOneRoom() {
        Map<String, String> plain = hostsOf(NAMES, "");
        for (String language : List.of("fr-BE", "de-CH", "en-CA", "fr-FR")) {
            for (String name : NAMES) {
                HttpResponse<String> go = send(request("/go/visio/" + name).header("Accept-Language", language).GET());
                assertThat(host(go)).as("%s with %s", name, language).isEqualTo(plain.get(name));
            }
        }
        assertThat(new HashSet<>(plain.values())).as("60 names spread over the 4 hosts").hasSize(4);
        assertThat(host(get("/go/visio/groupe-7"))).isEqualTo(plain.get("Groupe-7"));
        assertThat(host(get("/go/visio/GROUPE-7"))).isEqualTo(plain.get("Groupe-7"));
    }

    @Test
    void aHostThatGoesDownLosesOnlyItsRoomsAndGetsThemBackWhenItReturns() {
        Map<String, String> before = hostsOf(NAMES, "");

        report("beta", withStatus(jitsi("beta", "visio-2", 0, 100), HostStatus.DOWN));
        Map<String, String> during = hostsOf(NAMES, "");
        report("beta", jitsi("beta", "visio-2", 0, 100));

        for (String name : NAMES) {
            if (before.get(name).startsWith("visio-2.")) {
                assertThat(during.get(name)).as(name).doesNotStartWith("visio-2.");
            } else {
                assertThat(during.get(name)).as(name).isEqualTo(before.get(name));
            }
        }
        assertThat(hostsOf(NAMES, "")).isEqualTo(before);
    }

    @Test
    void aHostFullByItsReportTakesNoRoomsButAFloodOnOneNameMovesNothing() {
        Map<String, String> before = hostsOf(NAMES, "");
        report("delta", jitsi("delta", "visio-3", 90, 100));

        Map<String, String> full = hostsOf(NAMES, "");

        assertThat(full.values()).noneMatch(h -> h.startsWith("visio-3."));
        NAMES.stream().filter(n -> !before.get(n).startsWith("visio-3."))
                .forEach(n -> assertThat(full.get(n)).as(n).isEqualTo(before.get(n)));
        // 200 visits to one room: this broker's own redirects do not move it, nor any other room.
        String target = full.get("Groupe-0");
        for (int k = 0; k < 200; k++) {
            assertThat(host(get("/go/visio/Groupe-0"))).isEqualTo(target);
        }
        assertThat(hostsOf(NAMES, "")).isEqualTo(full);
    }

    @Test
    void aCountryWrittenInTheLinkKeepsTheRoomThereWhileItHasAHost() {
        assertThat(new HashSet<>(hostsOf(NAMES, "?near=BE").values())).containsExactly("visio-2.beta.example.org");
        assertThat(new HashSet<>(hostsOf(NAMES, "?near=be").values())).containsExactly("visio-2.beta.example.org");
        // No member in Japan: the link widens to every host, as if it named none.
        assertThat(hostsOf(NAMES, "?near=JP")).isEqualTo(hostsOf(NAMES, ""));
        assertThat(hostsOf(NAMES, "?near=any")).isEqualTo(hostsOf(NAMES, ""));
    }

    @Test
    void aHeadOrAPrefetchCountsNoOneAndAVisitCountsOne() {
        double before = estimatedLoad("visio-1");
        String name = NAMES.stream().filter(n -> host(get("/api/v1/services/visio/rooms/" + n)).startsWith("visio-1."))
                .findFirst().orElseThrow();

        HttpResponse<String> head = send(request("/go/visio/" + name).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> prefetch = send(request("/go/visio/" + name).header("Sec-Purpose", "prefetch").GET());

        assertThat(head.statusCode()).isEqualTo(302);
        assertThat(prefetch.statusCode()).isEqualTo(503);
        assertThat(estimatedLoad("visio-1")).isEqualTo(before);
        get("/go/visio/" + name);
        assertThat(estimatedLoad("visio-1")).isGreaterThan(before);
    }

    @Test
    void theApiSaysWhereANameLeadsLikeTheLinkDoes() {
        HttpResponse<String> where = get("/api/v1/services/visio/rooms/Chorale?near=CH");

        assertThat(where.statusCode()).isEqualTo(200);
        assertThat(where.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(parse(where)).containsEntry("service", "visio").containsEntry("member", "delta")
                .containsEntry("host", "visio-3").containsEntry("software", "jitsi")
                .containsEntry("room", "https://visio-3.delta.example.org/Chorale")
                .containsEntry("hostUrl", "https://visio-3.delta.example.org/");
        assertThat(get("/go/visio/Chorale?near=CH").headers().firstValue("Location"))
                .hasValue("https://visio-3.delta.example.org/Chorale");
    }

    @Test
    void padsHaveNoGroupLinksAndThePageSaysWhyInThePersonsLanguage() {
        report("alpha", org.chatons.entraide.broker.Fixtures.host("alpha", "pad-1", "pad", 0, 100));

        HttpResponse<String> page = send(request("/go/pad/Compte-rendu").header("Accept", "text/html")
                .header("Accept-Language", "fr").GET());
        HttpResponse<String> json = get("/api/v1/services/pad/rooms/Compte-rendu");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("pas de lien de groupe", "href=\"/go/pad?lang=fr").doesNotContain("Compte-rendu");
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(parse(json)).containsEntry("type", "/problems/no-named-rooms");
        assertThat(get("/go/teleport/x").statusCode()).isEqualTo(404);
    }

    @Test
    void unsafeNamesAre400WithTheRuleAndNoLocation() {
        for (String bad : List.of("a.b", "..", "%2E%2E", "a%2Fb", "%2F%2Fevil.example", "a%0D%0ALocation:%20x",
                "a%20b", "-leading", "%C3%A9t%C3%A9", "x".repeat(65), "a%00")) {
            HttpResponse<String> go = send(request("/go/visio/" + bad).header("Accept", "text/html")
                    .header("Accept-Language", "en").GET());
            HttpResponse<String> api = get("/api/v1/services/visio/rooms/" + bad);

            assertThat(go.statusCode()).as(bad).isEqualTo(400);
            assertThat(go.headers().firstValue("Location")).as(bad).isEmpty();
            assertThat(go.body()).as(bad).contains("1 to 64 letters");
            assertThat(api.statusCode()).as(bad).isEqualTo(400);
            assertThat(parse(api).get("detail").toString()).as(bad).contains("1 to 64");
        }
    }

    @Test
    void noHostThatCanTakeRoomsIs503() {
        for (String[] h : new String[][] {{"alpha", "visio-1"}, {"beta", "visio-2"}, {"delta", "visio-3"},
                {"epsilon", "visio-4"}}) {
            report(h[0], withStatus(jitsi(h[0], h[1], 0, 100), HostStatus.DOWN));
        }

        HttpResponse<String> go = get("/go/visio/Groupe-1");

        assertThat(go.statusCode()).isEqualTo(503);
        assertThat(go.headers().firstValue("Retry-After")).isPresent();
        assertThat(go.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theVideoCallPageShowsTheLinkToShareAndWhereItLeadsNow() {
        String where = parse(get("/api/v1/services/visio/rooms/Chorale")).get("room").toString();

        String page = send(request("/services/visio?room=Chorale&lang=en").header("Accept-Language", "en").GET()).body();

        assertThat(page).contains("A room for your group", "value=\"" + server.getURL() + "/go/visio/Chorale\"",
                "It leads now to", "href=\"" + where + "\"");
        assertThat(send(request("/services/visio?room=Chorale&near=CH&lang=en").GET()).body())
                .contains("value=\"" + server.getURL() + "/go/visio/Chorale?near=CH\"", "name=\"near\" value=\"CH\"",
                        "href=\"https://visio-3.delta.example.org/Chorale\"");
        assertThat(send(request("/services/visio?room=a.b").header("Accept-Language", "en").GET()).body())
                .contains("1 to 64 letters").doesNotContain("a.b\"", "/go/visio/a.b");
        assertThat(send(request("/services/visio").header("Accept-Language", "en").GET()).body())
                .contains("A room for your group").doesNotContain("The link to share");
    }

    @Test
    void thePadPageSaysWhyItHasNoGroupLinksAndLabelsTakeTheirLanguagesColon() {
        report("alpha", org.chatons.entraide.broker.Fixtures.host("alpha", "pad-1", "pad", 0, 100));

        String english = send(request("/services/pad").header("Accept-Language", "en").GET()).body();
        String french = send(request("/services/pad").header("Accept-Language", "fr").GET()).body();

        assertThat(english).contains("Each document stays on the member that made it", "data-label=\"Software:\"")
                .doesNotContain("A room for your group", " :\"");
        assertThat(french).contains("Chaque document reste", "data-label=\"Logiciel\u202f:\"");
    }

    @Test
    void aNameIsInNoMetric() {
        assertThat(get("/go/visio/SecretMeeting42").statusCode()).isEqualTo(302);
        assertThat(get("/go/visio/Secret.Meeting").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/services/visio/rooms/SecretMeeting42").statusCode()).isEqualTo(200);

        String scrape = get("/prometheus").body();

        assertThat(scrape).contains("uri=\"/go/{service}/{name}\"").doesNotContainIgnoringCase("secret");
    }

    @Test
    void aHostReportedUpSinceJustNowTakesRoomsOnlyAfterItsWarmUp() {
        Map<String, String> before = hostsOf(NAMES, "");
        Instant since = now();

        assertThat(report("alpha", jitsi("alpha", "visio-1", 0, 100), upSince(jitsi("alpha", "visio-5", 0, 300), since))
                .statusCode()).isEqualTo(202);
        assertThat(hostsOf(NAMES, "")).as("up since just now: no room moves").isEqualTo(before);

        // Ten of its 30 s intervals later (application.yml), every member reporting on.
        clock.advance(Duration.ofMinutes(5));
        fourMembersOfferVideoCalls();
        report("alpha", jitsi("alpha", "visio-1", 0, 100), upSince(jitsi("alpha", "visio-5", 0, 300), since));
        Map<String, String> after = hostsOf(NAMES, "");
        for (String name : NAMES) {
            if (!after.get(name).equals(before.get(name))) {
                assertThat(after.get(name)).as("only to the newcomer").startsWith("visio-5.");
            }
        }
        assertThat(after.values().stream().filter(h -> h.startsWith("visio-5.")).count())
                .as("about 3/7 of 60 names").isBetween(15L, 40L);
    }

    private static HostReport upSince(HostReport h, Instant since) {
        return new HostReport(h.id(), h.service(), h.software(), h.url(), h.status(), h.acceptsNewUsers(),
                h.activeUsers(), h.capacityUsers(), h.load(), h.detail(), null, null, since);
    }

    private Map<String, String> hostsOf(List<String> names, String query) {
        Map<String, String> hosts = new HashMap<>();
        for (String name : names) {
            HttpResponse<String> go = get("/go/visio/" + name + query);
            assertThat(go.headers().firstValue("Location")).as(name).hasValue("https://" + host(go) + "/" + name);
            hosts.put(name, host(go));
        }
        return hosts;
    }

    private String host(HttpResponse<String> response) {
        if (response.statusCode() == 200) {
            return java.net.URI.create(parse(response).get("room").toString()).getHost();
        }
        assertThat(response.statusCode()).isEqualTo(302);
        return java.net.URI.create(response.headers().firstValue("Location").orElseThrow()).getHost();
    }

    private double estimatedLoad(String host) {
        List<?> hosts = (List<?>) parse(get("/api/v1/services/visio/hosts")).get("hosts");
        return hosts.stream().map(h -> (Map<?, ?>) h).filter(h -> host.equals(h.get("id")))
                .map(h -> ((Number) h.get("estimatedLoad")).doubleValue()).findFirst().orElseThrow();
    }
}
