package org.chatons.entraide.broker.web.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.broker.LoopbackClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A visit to a group link counts as a visit to {@code /go}, over real HTTP from loopback addresses standing for
 * networks: within its network's budget, robots and previews not at all, in {@code entraide_redirects_total} and in
 * the users sent since the host's report. A flood aimed at one name fills neither its host for the others nor moves
 * any room.
 */
@MicronautTest
class GroupLinkCountingTest extends BrokerTestBase {

    private static final List<String> NAMES = IntStream.range(0, 40).mapToObj(k -> "Reunion-" + k).toList();

    LoopbackClient client;

    @BeforeEach
    void threeMembersOfferVideoCalls() {
        client = new LoopbackClient(URI.create(server.getURL().toString()));
        report("alpha", GroupLinksTest.jitsi("alpha", "visio-1", 10, 100));
        report("beta", GroupLinksTest.jitsi("beta", "visio-2", 10, 100));
        report("delta", GroupLinksTest.jitsi("delta", "visio-3", 10, 100));
    }

    @Test
    void aVisitIsCountedInTheRedirectMetricsAndTheHostsEstimateLikeGo() {
        String host = hostsOf(NAMES).get(NAMES.get(0));
        double redirects = redirects(host);
        double before = estimatedLoad(host);

        assertThat(client.get("127.0.9.2", "/go/visio/" + NAMES.get(0))).isEqualTo(302);

        assertThat(redirects(host)).isEqualTo(redirects + 1);
        assertThat(estimatedLoad(host)).isGreaterThan(before);
    }

    @Test
    void robotsPagesOwnRequestsAndHeadsAreSentButCountNoOne() {
        String name = NAMES.get(1);
        String host = hostsOf(NAMES).get(name);
        String before = counted(host);

        assertThat(client.get("127.0.9.3", "/go/visio/" + name, "User-Agent: Mastodon/4.2 (http.rb; +https://m.example/)"))
                .isEqualTo(302);
        assertThat(client.get("127.0.9.4", "/go/visio/" + name, "Sec-Fetch-Mode: no-cors", "Sec-Fetch-Dest: image"))
                .isEqualTo(302);
        assertThat(client.request("HEAD", "127.0.9.5", "/go/visio/" + name)).isEqualTo(302);

        assertThat(counted(host)).isEqualTo(before);
        assertThat(get("/prometheus").body())
                .contains("entraide_redirects_discounted_total{reason=\"robot\",service=\"visio\"} 1.0")
                .contains("entraide_redirects_discounted_total{reason=\"embedded\",service=\"visio\"} 1.0");
    }

    @Test
    void aFloodAimedAtOneNameFromOneNetworkCountsItsBudgetAndFillsNothingForTheOthers() {
        Map<String, String> before = hostsOf(NAMES);
        String target = before.get(NAMES.get(2));
        double load = estimatedLoad(target);

        for (int k = 0; k < 500; k++) {
            assertThat(client.redirect("127.0.7.1", "/go/visio/" + NAMES.get(2)).location())
                    .isEqualTo("https://" + target + "/" + NAMES.get(2));
        }

        // At most the network's budget (20) of the 500 counted: 0.10 + 20 / 100 on a host of 100, far from full.
        assertThat(estimatedLoad(target)).isGreaterThan(load).isLessThanOrEqualTo(load + 0.20 + 1e-9);
        assertThat(get("/prometheus").body())
                .containsPattern("entraide_redirects_discounted_total\\{reason=\"network\",service=\"visio\"} 4[89][0-9]");
        // Every other room stays where it was, those on the flooded host too, and /go still sends people there.
        assertThat(hostsOf(NAMES)).isEqualTo(before);
        String targetId = target.substring(0, target.indexOf('.'));
        assertThat(IntStream.range(0, 60).mapToObj(k -> client.redirect("127.1." + k + ".1", "/go/visio").location())
                .map(GroupLinkCountingTest::hostId)).contains(targetId);
    }

    private Map<String, String> hostsOf(List<String> names) {
        Map<String, String> hosts = new HashMap<>();
        for (String name : names) {
            hosts.put(name, URI.create(parse(get("/api/v1/services/visio/rooms/" + name)).get("room").toString())
                    .getHost());
        }
        return hosts;
    }

    private static String hostId(String location) {
        return URI.create(location).getHost().split("\\.")[0];
    }

    /** The host's estimated load and its redirects counted, together. */
    private String counted(String host) {
        return estimatedLoad(host) + " load, " + redirects(host) + " redirects";
    }

    private double redirects(String hostId) {
        Matcher m = Pattern.compile("entraide_redirects_total\\{host=\"" + Pattern.quote(hostId.split("\\.")[0])
                + "\"[^}]*} ([0-9.E]+)").matcher(get("/prometheus").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private double estimatedLoad(String host) {
        String id = host.split("\\.")[0];
        List<?> hosts = (List<?>) parse(get("/api/v1/services/visio/hosts")).get("hosts");
        return hosts.stream().map(h -> (Map<?, ?>) h).filter(h -> id.equals(h.get("id")))
                .map(h -> ((Number) h.get("estimatedLoad")).doubleValue()).findFirst().orElseThrow();
    }
}
