package org.chatons.entraide.broker.counting;

import org.chatons.entraide.broker.LoopbackClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.protocol.HostReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fast pads, over real HTTP and on the test clock: agents report every 5 s, people stay about half a
 * minute (exponentially) and join 0.3 to 1.5 s after their redirect, each from a network of their own. Nothing
 * here is a flood, and the count must not take it for one: the redirect weight stays 1 and (almost) no redirect
 * is counted as unconfirmed, with the default settings.
 */
@MicronautTest
class FastChurnTest extends BrokerTestBase {

    static final int INTERVAL = 5;
    static final double STAY = 30;
    /** Three pads of 200 at 40 %: 240 users staying 30 s, 8 arriving a second. */
    static final String[] PADS = {"pad-1", "pad-2", "pad-3"};
    static final int CAPACITY = 200;
    static final double ARRIVALS_PER_SECOND = 8;

    /** A person on a pad: from when they are in its count to when they leave. */
    record Person(String pad, Instant joined, Instant left) {
    }

    LoopbackClient client;
    final SplittableRandom random = new SplittableRandom(20);
    final List<Person> people = new ArrayList<>();

    @BeforeEach
    void client() {
        client = new LoopbackClient(URI.create(server.getURL().toString()));
    }

    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    void reportNow() {
        Instant now = clock.instant();
        List<HostReport> hosts = new ArrayList<>();
        for (String pad : PADS) {
            int users = (int) people.stream()
                    .filter(p -> p.pad().equals(pad) && !p.joined().isAfter(now) && p.left().isAfter(now)).count();
            hosts.add(host("alpha", pad, "pad", users, CAPACITY));
        }
        assertThat(postReport(Fixtures.report("alpha", now, INTERVAL, hosts.toArray(HostReport[]::new))).statusCode())
                .as("report at %s", now).isLessThan(300);
    }

    @Test
    void peopleWhoStayHalfAMinuteOnPadsReportedEvery5SecondsCountInFull() {
        Instant start = clock.instant();
        for (String pad : PADS) {
            for (int k = 0; k < 80; k++) {
                people.add(new Person(pad, start, start.plusMillis(Math.round(exponential(STAY) * 1000))));
            }
        }
        reportNow();
        Instant nextReport = start.plusSeconds(INTERVAL);
        int redirects = 0;
        // Five minutes: ten stays, sixty reports.
        while (clock.instant().isBefore(start.plus(Duration.ofMinutes(5)))) {
            Instant arrival = clock.instant().plusMillis(Math.max(1, Math.round(exponential(1 / ARRIVALS_PER_SECOND)
                    * 1000)));
            while (!nextReport.isAfter(arrival)) {
                clock.advance(Duration.between(clock.instant(), nextReport));
                reportNow();
                nextReport = nextReport.plusSeconds(INTERVAL);
            }
            clock.advance(Duration.between(clock.instant(), arrival));
            String source = "127." + (1 + redirects / 256) + "." + (redirects % 256) + ".1";
            LoopbackClient.Answer answer = client.redirect(source, "/go/pad");
            assertThat(answer.status()).as("redirect %d", redirects).isEqualTo(302);
            redirects++;
            String pad = answer.location().replaceAll("https://(pad-\\d)\\.alpha\\.example\\.org/", "$1");
            Instant joined = arrival.plusMillis(300 + random.nextLong(1201));
            people.add(new Person(pad, joined, joined.plusMillis(Math.round(exponential(STAY) * 1000))));
        }

        String metrics = get("/prometheus").body();
        assertThat(redirects).isBetween(2200, 2600);
        assertThat(metrics).contains("entraide_service_redirect_weight{service=\"pad\"} 1.0");
        assertThat(sample(metrics, "entraide_redirects_discounted_total\\{reason=\"unconfirmed\",service=\"pad\"}"))
                .as("redirects counted as unconfirmed, of %d", redirects).isLessThanOrEqualTo(redirects * 0.01);
        // The stay it learned is the pads' (30 s), give or take the noise of a few minutes of arrivals.
        assertThat(sample(metrics, "entraide_service_usual_stay_seconds\\{service=\"pad\"}")).isBetween(20.0, 45.0);
    }

    static double sample(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
