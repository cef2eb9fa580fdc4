package org.chatons.entraide.broker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.protocol.HostReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /prometheus} holds the hosts there are, not every host there ever was, and follows the naming rules. */
@MicronautTest
class MetricsBoundTest extends BrokerTestBase {

    static final int HOSTS = 100;

    @Inject
    BrokerMetrics metrics;

    @TempDir
    Path dir;

    /** alpha's report of round {@code round}: 100 pad hosts, none of them in any other round. */
    void alphaReportsRound(int round) {
        List<HostReport> hosts = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            hosts.add(host("alpha", "r" + round + "-pad-" + h, "pad", 10, 1000));
        }
        assertThat(report("alpha", hosts.toArray(HostReport[]::new)).statusCode()).isEqualTo(202);
    }

    long hostSeries(String scrape) {
        return scrape.lines().filter(line -> line.contains("host=\"")).count();
    }

    @Test
    void churningThousandsOfHostIdsLeavesOnlyTheCurrentHostsSeries() {
        List<Long> series = new ArrayList<>();
        int rounds = 40;
        for (int round = 0; round < rounds; round++) {
            alphaReportsRound(round);
            for (int k = 0; k < 20; k++) {
                assertThat(get("/go/pad").statusCode()).isEqualTo(302);
            }
            metrics.forgetGoneHosts();
            String scrape = get("/prometheus").body();
            series.add(hostSeries(scrape));
            if (round > 0) {
                assertThat(scrape).doesNotContain("r" + (round - 1) + "-pad-");
            }
            clock.advance(Duration.ofSeconds(15));
        }

        // 4,000 host ids came and went: the gauges of the last 100 hosts remain, and the redirect counters of the
        // (at most 20) hosts that got a user this round.
        long gaugesPerHost = get("/prometheus").body().lines().filter(line -> !line.startsWith("entraide_redirects"))
                .filter(line -> line.contains("host=\"r" + (rounds - 1) + "-pad-0\"")).count();
        assertThat(gaugesPerHost).isGreaterThan(5);
        assertThat(series).allSatisfy(n -> assertThat(n).isBetween(gaugesPerHost * HOSTS, gaugesPerHost * HOSTS + 20));
    }

    @Test
    void theRedirectCounterOfAHostLeavesWithItAndComesBackFromZero() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));
        get("/go/pad");
        assertThat(get("/prometheus").body()).contains("entraide_redirects_total{host=\"pad-1\"");

        report("alpha", host("alpha", "pad-2", "pad", 10, 100));
        metrics.forgetGoneHosts();
        assertThat(get("/prometheus").body()).doesNotContain("host=\"pad-1\"");

        report("alpha", host("alpha", "pad-1", "pad", 10, 100));
        get("/go/pad");
        assertThat(get("/prometheus").body())
                .contains("entraide_redirects_total{host=\"pad-1\",member=\"alpha\",service=\"pad\"} 1.0");
    }

    @Test
    void promtoolFindsNothingToSayAboutTheBrokersOwnMetrics() throws Exception {
        Assumptions.assumeTrue(onPath("promtool"), "promtool not installed (apt-get install prometheus)");
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));
        get("/go/pad");
        get("/go/board");
        post("/api/v1/reports", "token-nobody", "application/json", "{}");
        String ours = entraideFamilies(get("/prometheus").body());
        assertThat(ours).contains("entraide_redirects_total", "entraide_service_hosts", "entraide_go_seconds_bucket");

        Path file = Files.writeString(dir.resolve("metrics.txt"), ours);
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true)
                .redirectInput(file.toFile()).start();
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(said).as("promtool check metrics").isEmpty();
        assertThat(promtool.exitValue()).isZero();
    }

    /** The families whose name starts with entraide_, with their HELP and TYPE lines. */
    static String entraideFamilies(String scrape) {
        return scrape.lines().filter(line -> line.startsWith("entraide_") || line.startsWith("# HELP entraide_")
                || line.startsWith("# TYPE entraide_")).collect(Collectors.joining("\n", "", "\n"));
    }

    static boolean onPath(String command) {
        try {
            Process lookup = new ProcessBuilder("sh", "-c", "command -v " + command).start();
            return lookup.waitFor(30, TimeUnit.SECONDS) && lookup.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
