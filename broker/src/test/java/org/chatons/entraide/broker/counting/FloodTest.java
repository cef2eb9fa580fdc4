package org.chatons.entraide.broker.counting;

import org.chatons.entraide.broker.LoopbackClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.chatons.entraide.broker.Fixtures.host;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.protocol.HostReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anonymous floods of {@code /go} and {@code /pick} against a running broker, over real HTTP from loopback
 * addresses standing for different networks: they must not turn real users away while the hosts have room.
 * The case: 3 pads of 200 users, 10 % full; 450 counted redirects would fill them to 85 %.
 */
@MicronautTest
class FloodTest extends BrokerTestBase {

    LoopbackClient client;

    @BeforeEach
    void client() {
        client = new LoopbackClient(URI.create(server.getURL().toString()));
    }

    HostReport[] pads(int users) {
        return new HostReport[] {host("alpha", "pad-1", "pad", users, 200), host("alpha", "pad-2", "pad", users, 200),
            host("alpha", "pad-3", "pad", users, 200)};
    }

    double meanEstimatedLoad() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) parse(get("/api/v1/services/pad/hosts"))
                .get("hosts");
        return hosts.stream().mapToDouble(h -> ((Number) h.get("estimatedLoad")).doubleValue()).average().orElseThrow();
    }

    @Test
    void oneClientFloodingGoOrPickTurnsNoOneElseAway() {
        report("alpha", pads(20));

        List<Integer> flood = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            flood.add(client.get("127.0.5.1", "/go/pad"));
            flood.add(client.get("127.0.5.2", "/api/v1/services/pad/pick"));
        }

        // The flooder is still sent somewhere (it may be a class behind one address): it just stops counting.
        assertThat(flood).containsOnly(302, 200);
        assertThat(client.get("127.42.0.1", "/go/pad")).isEqualTo(302);
        assertThat(client.get("127.42.0.1", "/api/v1/services/pad/pick")).isEqualTo(200);
        // At most each network's budget (20) of its 500 requests counts, and one from the other network.
        assertThat(meanEstimatedLoad()).isLessThanOrEqualTo(0.10 + 42.0 / 600 + 0.001);
        assertThat(get("/prometheus").body())
                .containsPattern("entraide_redirects_discounted_total\\{reason=\"network\",service=\"pad\"} 9[0-9]{2}");
    }

    @Test
    void aFloodFromManyNetworksFillsThePadsOnlyByTheirEstimatesThenTheNextReportsTightenTheService() {
        report("alpha", pads(20));
        int network = 0;

        // Interval 1: a request from each of hundreds of networks (127.a.b.1), as a botnet or a thousand link
        // previews would make. Each counts, and nothing has shown yet that they do not arrive: the pads fill, by
        // their estimates. Their reports (20 users of 100) still leave room, so no one is refused on that guess.
        List<Integer> firstInterval = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            firstInterval.add(client.get(source(network++), "/go/pad"));
        }
        assertThat(firstInterval).containsOnly(302);
        assertThat(meanEstimatedLoad()).as("the pads are full by their estimates").isGreaterThanOrEqualTo(0.85);
        assertThat(client.get("127.200.0.1", "/go/pad")).isEqualTo(302);

        // The next reports, 30 s later, show the same 20 users on each pad: the redirects did not become users.
        clock.advance(Duration.ofSeconds(30));
        report("alpha", pads(20));

        // Interval 2: the flood goes on, and counts as little as the reports confirm: the pads stay far from full.
        List<Integer> realUsers = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            client.get(source(network++), "/go/pad");
            if (i % 20 == 0) {
                realUsers.add(client.get("127.201." + (i / 20) + ".1", "/go/pad"));
            }
        }
        assertThat(realUsers).hasSize(30).containsOnly(302);
        assertThat(meanEstimatedLoad()).isLessThan(0.85);
        // Coordinators see it: redirects counted at less than a user, and the weight the reports confirm.
        assertThat(get("/prometheus").body())
                .containsPattern("entraide_redirects_discounted_total\\{reason=\"unconfirmed\",service=\"pad\"} [1-9]")
                .containsPattern("entraide_service_redirect_weight\\{service=\"pad\"} 0\\.0[5-9]");
    }

    @Test
    void realUsersWhoArriveAreStillCountedAtOnce() {
        report("alpha", pads(20));
        for (int i = 0; i < 60; i++) {
            client.get(source(i), "/go/pad");
            clock.advance(Duration.ofMillis(450));
        }
        // Measured more than the join grace after the last of them: they arrived, 20 more users on each pad.
        clock.advance(Duration.ofSeconds(6));
        report("alpha", pads(40));

        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofMillis(450));
            client.get(source(100 + i), "/go/pad");
        }

        // Each of the 60 new redirects counts as a whole user, as likely still there as the stay the first ones
        // taught says (sent 450 ms apart, as of the last of them).
        String metrics = get("/prometheus").body();
        assertThat(metrics).contains("entraide_service_redirect_weight{service=\"pad\"} 1.0");
        Matcher stay = Pattern.compile("entraide_service_usual_stay_seconds\\{service=\"pad\"} ([0-9.]+)")
                .matcher(metrics);
        assertThat(stay.find()).isTrue();
        double present = 0;
        for (int k = 0; k < 60; k++) {
            present += Math.exp(-0.45 * k / Double.parseDouble(stay.group(1)));
        }
        assertThat(present).isLessThan(60);
        // And the report's 60 users who came through this broker leave too, over the 27 s since it was measured
        // (counted in full at the report: no stay was learned before it).
        double left = 60 * (1 - Math.exp(-27 / Double.parseDouble(stay.group(1))));
        assertThat(meanEstimatedLoad()).isCloseTo(0.20 + (present - left) / 600, within(0.002));
    }

    /** A source address in its own /24 for each n: 127.(1 + n / 256).(n % 256).1. */
    static String source(int n) {
        return "127." + (1 + n / 256) + "." + (n % 256) + ".1";
    }
}
