package org.chatons.entraide.broker.chatonsinfos;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.broker.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reference's sample federation, served over real HTTP, read by a real broker: members, hosts, eligibility
 * after the public probes, refusals with their reasons, the source of each host in the API and on the page, and
 * an agent's report replacing a declared member's hosts.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleFederationTest extends BrokerTestBase implements TestPropertyProvider {

    private Site site;

    @Inject
    ChatonsInfos chatonsInfos;

    @Override
    public Map<String, String> getProperties() {
        site = new Site();
        // The test reads and probes (readAndProbe, probeAll): no scheduled round in between changes a count.
        return Map.of("broker.chatonsinfos.federation-url", SampleFederation.serve(site).toString(),
                "broker.scheduled-jobs", "false");
    }

    @AfterAll
    void stopSite() {
        site.close();
    }

    @BeforeEach
    void readAndProbe() {
        chatonsInfos.refresh();
        chatonsInfos.probeAll();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> hosts(String service) {
        return (List<Map<String, Object>>) parse(get("/api/v1/services/" + service + "/hosts")).get("hosts");
    }

    private Map<String, Object> host(String service, String member) {
        return hosts(service).stream().filter(h -> h.get("member").equals(member)).findFirst().orElseThrow();
    }

    @Test
    void membersInForceAreThoseNotAwayNorEnded() {
        Map<String, Object> federation = parse(get("/api/v1/chatonsinfos"));
        assertThat(federation).containsEntry("enabled", true).containsEntry("readable", true)
                .containsEntry("federationName", "MINETTES");
        assertThat((List<Map<String, Object>>) federation.get("members")).extracting(m -> m.get("id"))
                .containsExactly("chatonvert", "fabrique", "ronron");
        assertThat((List<Map<String, Object>>) federation.get("members")).extracting(m -> m.get("name"))
                .containsExactly("Chaton Vert", "La Fabrique Numérique", "Ronron Hébergement");
        // 1 federation + 4 organizations + 11 services
        assertThat(federation.get("requests")).isEqualTo(16);
    }

    @Test
    void publicServicesBecomeHostsOfTheirCatalogueService() {
        Map<String, Object> federation = parse(get("/api/v1/chatonsinfos"));
        assertThat((List<Map<String, Object>>) federation.get("hosts"))
                .extracting(h -> h.get("member") + "/" + h.get("id") + ":" + h.get("service"))
                .containsExactly("chatonvert/pad:pad", "chatonvert/visio:visio", "fabrique/toot:microblog",
                        "ronron/pad:pad", "ronron/sondage:poll", "ronron/liens:shortener", "ronron/paste:paste");
    }

    @Test
    void refusalsSayWhy() {
        List<Map<String, Object>> refusals = (List<Map<String, Object>>) parse(get("/api/v1/chatonsinfos"))
                .get("refusals");
        assertThat(refusals).extracting(r -> r.get("member") + "/" + r.get("host") + ":" + r.get("reason"))
                .containsExactly("chatonvert/cloud:not_public", "fabrique/video:not_public", "griffe/null:membership_ended");
        assertThat(refusals.get(2).get("detail")).asString().contains("AWAY");
        assertThat(refusals.get(0).get("detail")).asString().contains("Member");
    }

    @Test
    void probedUpHostsAreEligibleAndSayTheyAreDeclared() {
        Map<String, Object> pad = host("pad", "chatonvert");
        assertThat(pad).containsEntry("source", "chatonsinfos").containsEntry("eligible", true)
                .containsEntry("status", "UP").containsEntry("activeUsers", 12).containsEntry("capacityUsers", 50);
        assertThat(pad.get("url")).asString().endsWith("/pad.chatonvert.example.org/");
        assertThat(host("visio", "chatonvert")).containsEntry("eligible", true);
        assertThat(host("poll", "ronron")).containsEntry("eligible", true).containsEntry("activeUsers", null);
        assertThat(host("microblog", "fabrique")).containsEntry("eligible", true)
                .containsEntry("activeUsers", null); // NodeInfo's monthly users are no load
    }

    @Test
    void errorOrWorseAndADownProbeAreNotEligible() {
        assertThat(host("paste", "ronron")).containsEntry("eligible", false).containsEntry("status", "DOWN");
        assertThat(host("shortener", "ronron")).containsEntry("eligible", false).containsEntry("reason", "DOWN");
        assertThat(host("shortener", "ronron").get("detail")).asString().contains("VOID");
    }

    @Test
    void aHostThatStopsAnsweringIsNoLongerEligible() {
        site.put("/sondage.ronron.example.org/", Site.Page.status(502));
        try {
            clock.advance(Duration.ofSeconds(60));
            chatonsInfos.probeAll();
            assertThat(host("poll", "ronron")).containsEntry("eligible", false).containsEntry("status", "DOWN");
        } finally {
            SampleFederation.answerAsTheSoftware(site);
        }
    }

    @Test
    void eachHostIsAskedOncePerIntervalHoweverOftenRoundsRun() {
        clock.advance(Duration.ofSeconds(60));
        site.forget();
        chatonsInfos.probeAll();
        chatonsInfos.refresh();
        chatonsInfos.probeAll();
        assertThat(site.requestsTo("/pad.chatonvert.example.org/stats")).isEqualTo(1);
        assertThat(site.requestsTo("/sondage.ronron.example.org/")).isEqualTo(1);
        assertThat(site.requestsTo("/nodeinfo/2.0")).isEqualTo(1);
        assertThat(site.requestsTo("/toot.fabrique.example.net/.well-known/nodeinfo")).isZero(); // discovery cached
        clock.advance(Duration.ofSeconds(60));
        chatonsInfos.probeAll();
        assertThat(site.requestsTo("/pad.chatonvert.example.org/stats")).isEqualTo(2);
    }

    @Test
    void probesNameEntraide() {
        assertThat(site.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.userAgent())
                .contains("Entraide").contains("https://"));
    }

    @Test
    void theServicePageSaysWhichHostsAreDeclared() {
        HttpResponse<String> page = send(request("/services/pad?lang=en").GET());
        assertThat(page.body()).contains("declared").contains("Measured live");
        report("alpha", Fixtures.host("alpha", "pad-9", "pad", 10, 100));
        assertThat(send(request("/services/pad?lang=en").GET()).body()).contains("measured live");
    }

    @Test
    void metricsCarryTheSource() {
        String metrics = get("/prometheus").body();
        assertThat(metrics).contains("entraide_host_eligible{host=\"pad\",member=\"chatonvert\",service=\"pad\","
                + "source=\"chatonsinfos\"} 1.0");
        assertThat(metrics).contains("entraide_chatonsinfos_federation_readable 1.0")
                .contains("entraide_chatonsinfos_refusals{reason=\"not_public\"} 2.0");
    }

    @Test
    void aFederationFileThatCannotBeReadKeepsTheLastGoodView() {
        String path = "/minettes.example.org/.well-known/chatonsinfos/federation.properties";
        Site.Page good = Site.Page.text(SampleFederation.rewrite(SampleFederation.resource("federation.properties"), site));
        site.put(path, Site.Page.status(500));
        try {
            chatonsInfos.refresh();
            Map<String, Object> federation = parse(get("/api/v1/chatonsinfos"));
            assertThat(federation).containsEntry("readable", false);
            assertThat(federation.get("problem")).asString().contains("answers 500");
            assertThat((List<?>) federation.get("members")).hasSize(3);
            assertThat(host("pad", "chatonvert")).containsEntry("eligible", true);
            assertThat(get("/prometheus").body()).contains("entraide_chatonsinfos_federation_readable 0.0");
        } finally {
            site.put(path, good);
            chatonsInfos.refresh();
        }
        assertThat(parse(get("/api/v1/chatonsinfos"))).containsEntry("readable", true);
    }
}
