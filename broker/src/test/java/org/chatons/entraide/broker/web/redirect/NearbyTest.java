package org.chatons.entraide.broker.web.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.broker.BrokerTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /go} and the pick API send people near them when they say where they are (the picker's choice, or their
 * browser's language), and only from what the request says: the same rule on both.
 */
@MicronautTest
class NearbyTest extends BrokerTestBase {

    /** Alpha (France) has the emptiest host; Beta (Belgium) and Delta (Switzerland) are below the mean. */
    @BeforeEach
    void federation() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100), host("alpha", "pad-2", "pad", 60, 100));
        report("beta", host("beta", "pad-3", "pad", 25, 100));
        report("delta", host("delta", "pad-4", "pad", 25, 100));
    }

    List<String> wentTo(String path, String acceptLanguage, int times) {
        List<String> members = new ArrayList<>();
        for (int k = 0; k < times; k++) {
            var request = request(path).GET();
            if (acceptLanguage != null) {
                request.header("Accept-Language", acceptLanguage);
            }
            String location = send(request).headers().firstValue("Location").orElseThrow();
            members.add(location.replaceAll("https://pad-\\d\\.(\\w+)\\.example\\.org/", "$1"));
        }
        return members;
    }

    @Test
    void theBrowsersRegionOrThePersonsChoiceSendsThemToMembersInTheirCountry() {
        assertThat(wentTo("/go/pad", "fr-BE,fr;q=0.9", 2)).containsOnly("beta");
        assertThat(wentTo("/go/pad?near=CH&lang=fr", "fr-BE,fr;q=0.9", 2)).containsOnly("delta");
        assertThat(wentTo("/go/pad?near=ch", null, 1)).containsOnly("delta");
    }

    @Test
    void theLanguageComesNextWhenNoMemberIsInThePersonsCountry() {
        // German-speaking Austria: no member there, the Swiss member speaks German.
        assertThat(wentTo("/go/pad", "de-AT,de;q=0.9", 2)).containsOnly("delta");
        assertThat(wentTo("/go/pad?near=any&lang=de", null, 1)).containsOnly("delta");
        // The picker's links carry the page's language; the browser's says more of the person.
        assertThat(wentTo("/go/pad?lang=fr", "de-AT,de;q=0.9", 2)).containsOnly("delta");
    }

    @Test
    void aBrowsersRegionIsPreferredWhileItsMembersFreeRoomIsNotMuchBelowTheFederations() {
        // Room to 85 %: Belgium 60 %, everyone 55 %. Belgium keeps its people while its room is at least
        // R x (1 - 0.25 R^2), R everyone's: 12 of them (48 % against 52 % x (1 - 0.25 x 0.27) = 48.5 % before the
        // 13th), then they go where the room is.
        List<String> belgians = wentTo("/go/pad", "fr-BE,fr;q=0.9", 20);

        assertThat(belgians.subList(0, 12)).containsOnly("beta");
        assertThat(belgians.subList(12, 20)).anyMatch(member -> !member.equals("beta"));
        assertThat(hostLoad("beta", "pad-3")).isLessThanOrEqualTo(0.40);
    }

    @Test
    void aChosenCountryIsHonouredWhileItsMemberCanTakeAUser() {
        // Belgium ends far fuller than the rest (60 % against 37.5 %): the person chose it, and it had room.
        assertThat(wentTo("/go/pad?near=BE", null, 35)).containsOnly("beta");
    }

    @Test
    void thePickApiTakesTheSameParametersAndSaysWhatItPreferred() {
        HttpResponse<String> pick = get("/api/v1/services/pad/pick?near=BE&lang=nl");

        assertThat(pick.statusCode()).isEqualTo(200);
        assertThat(parse(pick)).containsEntry("member", "beta").containsEntry("country", "BE")
                .containsEntry("near", Map.of("country", "BE", "language", "nl", "chosen", true, "elsewhere", false));
        // The API's lang is the caller's choice, before its Accept-Language.
        assertThat(parse(send(request("/api/v1/services/pad/pick?lang=de").header("Accept-Language", "fr-BE").GET())))
                .containsEntry("near", Map.of("country", "BE", "language", "de", "chosen", false, "elsewhere", false));
        Map<String, Object> none = new java.util.HashMap<>();
        none.put("country", null);
        none.put("language", null);
        none.put("chosen", false);
        none.put("elsewhere", false);
        assertThat(parse(get("/api/v1/services/pad/pick"))).containsEntry("near", none);
    }

    @Test
    void thePickApiRefusesAParameterThatIsNotACodeAndCountsNoOne() {
        HttpResponse<String> country = get("/api/v1/services/pad/pick?near=Belgium");
        HttpResponse<String> language = get("/api/v1/services/pad/pick?near=BE&lang=français");

        assertThat(country.statusCode()).isEqualTo(400);
        assertThat(country.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(parse(country).get("detail")).isEqualTo(
                "near: 'Belgium' (expected: a country code such as BE, or any)");
        assertThat(language.statusCode()).isEqualTo(400);
        assertThat(parse(language).get("detail").toString()).startsWith("lang: 'français'");
        assertThat(hostLoad("beta", "pad-3")).isEqualTo(0.25);
        // /go is lenient: a link with a mangled choice still sends the person somewhere.
        assertThat(get("/go/pad?near=Belgium&lang=français").statusCode()).isEqualTo(302);
    }

    @SuppressWarnings("unchecked")
    double hostLoad(String member, String id) {
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) parse(get("/api/v1/services/pad/hosts")).get("hosts");
        return hosts.stream().filter(h -> h.get("member").equals(member) && h.get("id").equals(id))
                .mapToDouble(h -> ((Number) h.get("estimatedLoad")).doubleValue()).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    double meanLoad() {
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) parse(get("/api/v1/services/pad/hosts")).get("hosts");
        return hosts.stream().mapToDouble(h -> ((Number) h.get("estimatedLoad")).doubleValue()).average().orElseThrow();
    }
}
