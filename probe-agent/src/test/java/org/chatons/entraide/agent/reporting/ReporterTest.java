package org.chatons.entraide.agent.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.reporting.Pushes.report;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.chatons.entraide.agent.ClosedPort;
import org.chatons.entraide.agent.FakeBroker;
import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.agent.adapters.ProbeRunner;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.protocol.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReporterTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final PushPolicy QUICK = new PushPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofHours(1));

    final ExecutorService http = Executors.newFixedThreadPool(2);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Pushes pushes = new Pushes(meters);
    final FakeBroker one = new FakeBroker();
    final FakeBroker two = new FakeBroker();
    Reporter reporter;

    @AfterEach
    void stop() {
        if (reporter != null) {
            reporter.close();
        }
        one.close();
        two.close();
        http.shutdownNow();
    }

    Reporter reporter(Duration timeout, PushPolicy policy, URI... brokers) {
        reporter = new Reporter(List.of(brokers), ProbeRunner.httpClient(Duration.ofSeconds(2), http),
                new Secret("member-token"), timeout, policy, new AgentMetrics(meters), Clock.systemUTC());
        return reporter;
    }

    @Test
    void everyBrokerGetsEveryReportWithTheMembersToken() throws Exception {
        reporter(WAIT, QUICK, one.url(), two.url()).offer(report(1));

        one.awaitRequests(1, WAIT);
        two.awaitRequests(1, WAIT);
        FakeHttpServer.Request request = one.requests().get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer member-token");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).contains("\"sentAt\":\"2026-11-23T18:00:01Z\"");
        assertThat(two.reports()).containsExactly(report(1));
        pushes.await(one.url(), "success", 1);
    }

    @Test
    void aDeadBrokerDoesNotKeepReportsFromTheOther() throws Exception {
        try (ClosedPort closed = new ClosedPort()) {
            URI dead = closed.url();
            Reporter reporter = reporter(WAIT, QUICK, dead, two.url());

            for (int i = 1; i <= 3; i++) {
                reporter.offer(report(i));
                two.awaitRequests(i, WAIT);
            }

            assertThat(two.reports()).containsExactly(report(1), report(2), report(3));
            pushes.await(dead, "failure", 1);
            assertThat(reporter.channels().get(0).lastResult().detail()).isEqualTo("connection refused");
        }
    }

    @Test
    void aBrokerThatNeverAnswersDoesNotHoldBackTheOther() throws Exception {
        one.answering(FakeHttpServer.never());
        Reporter reporter = reporter(Duration.ofMinutes(5), QUICK, one.url(), two.url());

        reporter.offer(report(1));
        two.awaitRequests(1, WAIT);
        reporter.offer(report(2));
        two.awaitRequests(2, WAIT);

        assertThat(two.reports()).containsExactly(report(1), report(2));
        assertThat(one.requests()).as("still waiting for its first answer").hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedThenTheBrokerRecovers() throws Exception {
        one.answering(FakeHttpServer.answer(503, "text/plain", "overloaded"));
        Reporter reporter = reporter(WAIT, QUICK, one.url());

        reporter.offer(report(1));
        pushes.await(one.url(), "failure", 3);
        one.accepting();
        reporter.offer(report(2));
        pushes.await(one.url(), "success", 1);

        assertThat(one.reports()).containsExactly(report(1), report(1), report(1), report(2));
    }

    @Test
    void aRejectedReportIsNotRetried() throws Exception {
        one.answering(FakeHttpServer.answer(409, "application/problem+json",
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"sentAt: not newer than the last accepted report\"}"));
        Reporter reporter = reporter(WAIT, QUICK, one.url());

        reporter.offer(report(1));
        pushes.await(one.url(), "rejected", 1);
        reporter.offer(report(2));
        pushes.await(one.url(), "rejected", 2);

        assertThat(one.reports()).containsExactly(report(1), report(2));
        assertThat(reporter.channels().get(0).lastResult().detail()).isEqualTo("Conflict: sentAt: not newer than the last accepted report");
    }

    @Test
    void whileABrokerIsBusyOnlyTheLatestReportWaits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        one.answering((exchange, server) -> {
            try {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FakeHttpServer.answer(202, "application/json", "{\"accepted\":1}").answer(exchange, server);
        });
        Reporter reporter = reporter(WAIT, QUICK, one.url());

        reporter.offer(report(1));
        one.awaitRequests(1, WAIT);
        reporter.offer(report(2));
        reporter.offer(report(3));
        reporter.offer(report(4));
        release.countDown();
        pushes.await(one.url(), "success", 2);

        assertThat(one.reports()).containsExactly(report(1), report(4));
    }

    @Test
    void aBrokerThatKeepsFailingIsLeftAloneByItsCircuitBreaker() throws Exception {
        one.answering(FakeHttpServer.answer(500, "text/plain", "boom"));
        Reporter reporter = reporter(WAIT, new PushPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofHours(1)),
                one.url());

        for (int i = 1; i <= 6; i++) {
            reporter.offer(report(i));
            int done = i;
            Awaitility.await("push " + done + " failed or left alone").atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> pushes.count(one.url(), "failure") + pushes.count(one.url(), "circuit_open") >= done);
        }

        assertThat(pushes.count(one.url(), "failure")).isEqualTo(4);
        assertThat(pushes.count(one.url(), "circuit_open")).isEqualTo(2);
        assertThat(one.requests()).hasSize(4);
        assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", one.url().toString())
                .tag("state", "open").gauge().value()).isEqualTo(1.0);
    }
}
