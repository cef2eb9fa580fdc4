package org.chatons.entraide.broker.web.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.closed;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.usersUnknown;
import static org.chatons.entraide.broker.Fixtures.withStatus;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;

/** From a probe agent's report to a user's redirect, over HTTP, and the JSON API beside it. */
@MicronautTest
class RedirectFlowTest extends BrokerTestBase {

    @Test
    void aReportedHostReceivesTheNextUserWithAnUncacheableRedirect() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));

        HttpResponse<String> go = get("/go/pad");

        assertThat(go.statusCode()).isEqualTo(302);
        assertThat(go.headers().firstValue("Location")).hasValue("https://pad-1.alpha.example.org/");
        assertThat(go.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(go.headers().firstValue("Set-Cookie")).isEmpty();
        // RFC 9110's IMF-fixdate, of the broker's clock.
        assertThat(go.headers().firstValue("Date")).hasValue(java.time.format.DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH)
                .format(now().atOffset(java.time.ZoneOffset.UTC)));
    }

    @Test
    void usersAreSentOnlyToEligibleHostsAndSpreadBetweenThem() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100), closed(host("alpha", "pad-2", "pad", 0, 100)),
                withStatus(host("alpha", "pad-3", "pad", 0, 100), HostStatus.DOWN), host("alpha", "pad-4", "pad", 99, 100));
        report("beta", host("beta", "pad-5", "pad", 10, 100));

        Set<String> locations = new HashSet<>();
        for (int k = 0; k < 40; k++) {
            locations.add(get("/go/pad").headers().firstValue("Location").orElseThrow());
        }

        assertThat(locations).containsExactlyInAnyOrder("https://pad-1.alpha.example.org/", "https://pad-5.beta.example.org/");
    }

    @Test
    void noEligibleHostIs503WithRetryAfterAndHostsPerReason() {
        report("alpha", closed(host("alpha", "visio-1", "visio", 0, 100)), host("alpha", "visio-2", "visio", 90, 100));
        report("gamma", host("gamma", "visio-3", "visio", 0, 100));

        HttpResponse<String> go = get("/go/visio");

        assertThat(go.statusCode()).isEqualTo(503);
        assertThat(go.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(go.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(parse(go)).containsEntry("hostsByReason", Map.of("CLOSED", 1, "FULL", 1, "UNCONFIRMED", 1));
        assertThat(parse(go).get("detail").toString()).contains("1 closed, 1 full, 1 unconfirmed");
    }

    @Test
    void reportsThatStopMakeTheHostStale() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));
        clock.advance(Duration.ofSeconds(89));
        assertThat(get("/go/pad").statusCode()).isEqualTo(302);

        clock.advance(Duration.ofSeconds(1));

        assertThat(get("/go/pad").statusCode()).isEqualTo(503);
        assertThat(hostsOf("pad")).singleElement().satisfies(h -> {
            assertThat(h).containsEntry("eligible", false).containsEntry("reason", "STALE");
            assertThat(h).containsEntry("reportAgeSeconds", 90.0);
        });
    }

    @Test
    void anUnknownServiceIs404() {
        assertThat(get("/go/teleport").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/services/teleport/hosts").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/services/teleport/pick").statusCode()).isEqualTo(404);
    }

    @Test
    void thePickApiMakesTheSameChoiceAsJsonAndCountsIt() {
        report("alpha", host("alpha", "pad-1", "pad", 80, 100));

        HttpResponse<String> pick = get("/api/v1/services/pad/pick");

        assertThat(pick.statusCode()).isEqualTo(200);
        assertThat(parse(pick)).containsEntry("member", "alpha").containsEntry("host", "pad-1")
                .containsEntry("url", "https://pad-1.alpha.example.org/").containsEntry("memberName", "Association Alpha");
        assertThat(hostsOf("pad").get(0)).containsEntry("load", 0.8).containsEntry("estimatedLoad", 0.81);
        for (int k = 0; k < 4; k++) {
            get("/api/v1/services/pad/pick");
        }
        assertThat(hostsOf("pad").get(0)).containsEntry("estimatedLoad", 0.85).containsEntry("eligible", true);
        // Full by the users sent since its report only: a guess until the next report, on which no one is refused.
        assertThat(get("/api/v1/services/pad/pick").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(30));
        report("alpha", host("alpha", "pad-1", "pad", 86, 100));
        assertThat(get("/api/v1/services/pad/pick").statusCode()).isEqualTo(503);
    }

    @Test
    void theServicesListShowsEveryServiceWithItsNamesAndTotals() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100), closed(host("alpha", "pad-2", "pad", 30, 200)));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> services = (List<Map<String, Object>>) parse(get("/api/v1/services")).get("services");

        assertThat(services).extracting(s -> s.get("id")).startsWith("pad", "calc", "visio").contains("board");
        assertThat(services.get(0)).containsEntry("hosts", 2).containsEntry("eligibleHosts", 1)
                .containsEntry("activeUsers", 40).containsEntry("capacityUsers", 300)
                .containsEntry("name", Map.of("fr", "Pad", "en", "Pad"))
                .containsEntry("action", Map.of("fr", "Ouvrir un pad", "en", "Open a pad"));
        // The same text from one process to the next: languages in the order of their tags.
        assertThat(get("/api/v1/services").body()).contains("\"name\":{\"en\":\"Pad\",\"fr\":\"Pad\"}")
                .contains("\"action\":{\"en\":\"Open a pad\",\"fr\":\"Ouvrir un pad\"}");
    }

    @Test
    void theTotalsAddUpTheUserCountsThereAreAndSayHowManyHostsGaveNone() {
        report("beta", usersUnknown(host("beta", "pad-3", "pad", 0, 50)));
        clock.advance(Duration.ofSeconds(91));
        // beta's host is STALE now, and in no total.
        report("alpha", host("alpha", "pad-1", "pad", 10, 100), usersUnknown(host("alpha", "pad-2", "pad", 0, 200)));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> services = (List<Map<String, Object>>) parse(get("/api/v1/services")).get("services");

        assertThat(services.get(0)).containsEntry("id", "pad").containsEntry("hosts", 3)
                .containsEntry("activeUsers", 10).containsEntry("hostsWithoutUserCount", 1)
                .containsEntry("capacityUsers", 300);
        assertThat(services).filteredOn(s -> !s.get("id").equals("pad"))
                .allSatisfy(s -> assertThat(s).containsEntry("hostsWithoutUserCount", 0));
    }

    @Test
    void aHostThatCountsNoUsersShowsNullNotZero() {
        report("alpha", usersUnknown(host("alpha", "drop-1", "drop", 0, 50)));
        get("/go/drop");

        Map<String, Object> drop = hostsOf("drop").get(0);

        assertThat(drop).containsEntry("activeUsers", null).containsEntry("load", null)
                .containsEntry("capacityUsers", 50).containsEntry("estimatedLoad", 0.02)
                .containsEntry("eligible", true);
        assertThat(get("/api/v1/services/drop/hosts").body()).contains("\"activeUsers\":null,")
                .contains("\"load\":null,");
    }

    @Test
    void hostsListEachHostWithItsStateAndReason() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100), closed(host("alpha", "pad-2", "pad", 0, 100)));

        List<Map<String, Object>> hosts = hostsOf("pad");

        assertThat(hosts).extracting(h -> h.get("id")).containsExactly("pad-1", "pad-2");
        assertThat(hosts.get(0)).containsEntry("eligible", true).doesNotContainKey("reason")
                .containsEntry("member", "alpha").containsEntry("software", "etherpad").containsEntry("status", "UP");
        assertThat(hosts.get(1)).containsEntry("eligible", false).containsEntry("reason", "CLOSED");
    }

    @Test
    void aCoordinatorDrainsAndUndrainsAHostWithTheAdminToken() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));
        String path = "/api/v1/admin/hosts/alpha/pad-1/drain";

        assertThat(send(request(path).PUT(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(401);
        assertThat(send(request(path).header("Authorization", "Bearer token-alpha")
                .PUT(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(401);
        assertThat(send(admin("/api/v1/admin/hosts/alpha/pad-9/drain").PUT(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(404);

        assertThat(send(admin(path).PUT(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
        assertThat(get("/go/pad").statusCode()).isEqualTo(503);
        assertThat(hostsOf("pad").get(0)).containsEntry("reason", "DRAINED").containsEntry("drained", true);

        assertThat(send(admin(path).DELETE()).statusCode()).isEqualTo(200);
        assertThat(get("/go/pad").statusCode()).isEqualTo(302);
    }

    @Test
    void theHealthEndpointAnswersWithoutDetails() {
        HttpResponse<String> health = get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    HttpRequest.Builder admin(String path) {
        return request(path).header("Authorization", "Bearer admin-token");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> hostsOf(String service) {
        return (List<Map<String, Object>>) parse(get("/api/v1/services/" + service + "/hosts")).get("hosts");
    }
}
