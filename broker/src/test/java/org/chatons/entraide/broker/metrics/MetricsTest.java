package org.chatons.entraide.broker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.closed;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.usersUnknown;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.util.stream.Collectors;
import org.chatons.entraide.broker.BrokerTestBase;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What {@code /prometheus} shows coordinators, and what it must never show. */
@MicronautTest
class MetricsTest extends BrokerTestBase {

    String scrape() {
        return get("/prometheus").body();
    }

    static final String UNAUTHORIZED = "entraide_reports_unauthenticated_total{outcome=\"unauthorized\"}";
    static final String REDIRECTS = "entraide_redirects_total{host=\"pad-1\",member=\"alpha\",service=\"pad\"}";
    static final String GO_REDIRECTS = "entraide_go_seconds_count{outcome=\"redirect\",service=\"pad\"}";

    /**
     * The value of one series in a scrape, 0 when it is not there yet. The class's tests share one broker, whose
     * counters add up across them: a test reads a counter before and after what it does.
     */
    static double value(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElse(0.0);
    }

    @Test
    void reportsAreCountedByMemberAndOutcomeAndUnknownSendersApart() {
        double unauthorized = value(scrape(), UNAUTHORIZED);
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));
        post("/api/v1/reports", "token-nobody", "application/json", "{}");
        post("/api/v1/reports", null, "application/json", "{}");
        post("/api/v1/reports", "token-beta", "text/plain", "{}");

        String metrics = scrape();

        assertThat(metrics).containsPattern("entraide_reports_total\\{member=\"alpha\",outcome=\"accepted\"} [1-9]")
                .containsPattern("entraide_reports_total\\{member=\"beta\",outcome=\"unsupported_media_type\"} [1-9]")
                .doesNotContain("member=\"unknown\"");
        // Scanners knock all day: their attempts (a wrong token, none) have their own series, not a member's.
        assertThat(value(metrics, UNAUTHORIZED) - unauthorized).isEqualTo(2);
    }

    @Test
    void hostGaugesFollowTheRegistryAndTheUsersSent() {
        String before = scrape();
        report("alpha", host("alpha", "pad-1", "pad", 50, 100), closed(host("alpha", "pad-2", "pad", 5, 100)));
        get("/go/pad");
        get("/go/pad");

        String metrics = scrape();

        assertThat(metrics)
                .contains("entraide_host_load{host=\"pad-1\",member=\"alpha\",service=\"pad\",source=\"agent\"} 0.5")
                .contains("entraide_host_estimated_load{host=\"pad-1\",member=\"alpha\",service=\"pad\",source=\"agent\"} 0.52")
                .contains("entraide_host_eligible{host=\"pad-1\",member=\"alpha\",service=\"pad\",source=\"agent\"} 1.0")
                .contains("entraide_host_eligible{host=\"pad-2\",member=\"alpha\",service=\"pad\",source=\"agent\"} 0.0")
                .contains("entraide_host_report_age_seconds{host=\"pad-1\",member=\"alpha\",service=\"pad\",source=\"agent\"} 0.0")
                .contains("entraide_host_status{host=\"pad-1\",member=\"alpha\",service=\"pad\",source=\"agent\",status=\"UP\"} 1.0")
                .contains("entraide_host_status{host=\"pad-1\",member=\"alpha\",service=\"pad\",source=\"agent\",status=\"DOWN\"} 0.0")
                .contains("entraide_service_eligible_hosts{service=\"pad\"} 1.0")
                .contains("entraide_service_hosts{service=\"pad\"} 2.0")
                .contains("entraide_service_active_users{service=\"pad\"} 55.0")
                .contains("entraide_service_capacity_users{service=\"pad\"} 200.0")
                .contains("entraide_service_eligible_capacity_users{service=\"pad\"} 100.0")
                .contains("entraide_go_seconds_bucket{outcome=\"redirect\",service=\"pad\",le=\"0.001\"}");
        // Each of the two people sent (to pad-1: pad-2 is closed) counted once, however many tests ran before.
        assertThat(value(metrics, REDIRECTS) - value(before, REDIRECTS)).isEqualTo(2);
        assertThat(value(metrics, GO_REDIRECTS) - value(before, GO_REDIRECTS)).isEqualTo(2);
    }

    @Test
    void aHostThatCountsNoUsersHasNoActiveUsersNorLoadSampleRatherThanZero() {
        report("alpha", host("alpha", "drop-1", "drop", 3, 100), usersUnknown(host("alpha", "drop-2", "drop", 0, 50)));
        get("/go/drop");

        String metrics = scrape();

        assertThat(metrics)
                .contains("entraide_host_active_users{host=\"drop-1\",member=\"alpha\",service=\"drop\",source=\"agent\"} 3.0")
                .doesNotContain("entraide_host_active_users{host=\"drop-2\"")
                .contains("entraide_host_load{host=\"drop-1\",member=\"alpha\",service=\"drop\",source=\"agent\"} 0.03")
                .doesNotContain("entraide_host_load{host=\"drop-2\"")
                .contains("entraide_host_capacity_users{host=\"drop-2\",member=\"alpha\",service=\"drop\",source=\"agent\"} 50.0")
                .contains("entraide_host_eligible{host=\"drop-2\",member=\"alpha\",service=\"drop\",source=\"agent\"} 1.0")
                .containsPattern("entraide_host_estimated_load\\{host=\"drop-2\",member=\"alpha\",service=\"drop\",source=\"agent\"} ")
                .contains("entraide_service_active_users{service=\"drop\"} 3.0")
                .contains("entraide_service_hosts_users_unknown{service=\"drop\"} 1.0")
                .contains("entraide_service_hosts_users_unknown{service=\"pad\"} 0.0")
                .contains("entraide_service_capacity_users{service=\"drop\"} 150.0");
    }

    @Test
    void turnedAwayUsersAreCountedPerServiceAndUnknownServicesAddNoSeries() {
        get("/go/board");
        get("/go/made-up-service");

        String metrics = scrape();

        assertThat(metrics).containsPattern("entraide_no_eligible_host_total\\{service=\"board\"} [1-9]")
                .contains("entraide_no_eligible_host_total{service=\"poll\"} 0.0")
                .contains("entraide_go_seconds_count{outcome=\"unknown_service\",service=\"unknown\"}")
                .doesNotContain("made-up-service");
    }

    @Test
    void jvmAndHttpServerMetricsAreThere() {
        get("/health");

        assertThat(scrape()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count");
    }

    @Test
    void httpServerMetricsAreLabelledByRouteTemplateNeverByPath() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100));
        get("/go/pad");
        get("/go/no-such-service-5b1d");
        get("/no-such-page-5b1d");

        String metrics = scrape();

        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{exception=\"none\",method=\"GET\","
                        + "status=\"302\",uri=\"/go/\\{service}\"} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{exception=\"none\",method=\"GET\","
                        + "status=\"404\",uri=\"/go/\\{service}\"} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{exception=\"[A-Za-z]+\",method=\"GET\","
                        + "status=\"404\",uri=\"NOT_FOUND\"} [1-9]")
                .containsPattern("http_server_requests_seconds_sum\\{exception=\"none\",method=\"POST\","
                        + "status=\"202\",uri=\"/api/v1/reports\"}")
                .doesNotContain("5b1d").doesNotContain("REDIRECTION");
    }

    @Test
    void nothingAboutAUserReachesTheMetricsOrTheLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.TRACE);
        try {
            report("alpha", host("alpha", "pad-1", "pad", 10, 100));
            send(request("/go/pad").header("User-Agent", "Marker-Agent/1.0 UA-7f3a")
                    .header("X-Forwarded-For", "203.0.113.77").header("Cookie", "session=cookie-7f3a").GET());
            send(request("/go/nowhere-7f3a").header("User-Agent", "Marker-Agent/1.0 UA-7f3a").GET());
            // A robot's User-Agent is read to tell it from a person's (counting/Robots), and dropped like any other.
            send(request("/go/pad")
                    .header("User-Agent", "http.rb/5.1.1 (Mastodon/4.2.10; +https://robot-7f3a.example/)").GET());
        } finally {
            root.setLevel(level);
            root.detachAppender(logs);
        }

        String logged = logs.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        // The appender heard the requests (the server logs each at TRACE): a leak would have been caught.
        assertThat(logged).as("what the logs said during the requests").contains("/go/pad");
        String metrics = scrape();
        for (String trace : new String[] {"UA-7f3a", "robot-7f3a", "203.0.113.77", "cookie-7f3a", "127.0.0.1"}) {
            assertThat(metrics).doesNotContain(trace);
            assertThat(logged).doesNotContain(trace);
        }
        assertThat(metrics).doesNotContain("nowhere-7f3a");
    }
}
