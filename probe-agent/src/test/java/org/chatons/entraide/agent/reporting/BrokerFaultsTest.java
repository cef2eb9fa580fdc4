package org.chatons.entraide.agent.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.reporting.Pushes.report;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.chatons.entraide.agent.ClosedPort;
import org.chatons.entraide.agent.FakeBroker;
import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.agent.MutableClock;
import org.chatons.entraide.agent.adapters.ProbeRunner;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Brokers that fail: one that takes the connection and never answers, one that answers 500, one that is down.
 * The others get every report regardless; the failing one is retried with growing pauses, left alone by its circuit
 * breaker, and taken back when it returns. The breakers run on the test's clock, so "30 s later" is a step of
 * the test, not a wait; only deliveries are waited for, with a bound no busy machine reaches.
 */
class BrokerFaultsTest {

    static final Duration WAIT = Pushes.WAIT;
    static final Duration OPEN_FOR = Duration.ofSeconds(30);
    /** Pauses of 200 ms, then 400 ms (each ±50 %): short enough for a test, long enough to tell apart. */
    static final PushPolicy POLICY = new PushPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(1), OPEN_FOR);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T18:00:00Z"));
    final ExecutorService http = Executors.newFixedThreadPool(2);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Pushes pushes = new Pushes(meters);
    final FakeBroker good = new FakeBroker();
    Reporter reporter;

    @AfterEach
    void stop() {
        if (reporter != null) {
            reporter.close();
        }
        good.close();
        http.shutdownNow();
    }

    Reporter reporter(Duration timeout, URI... brokers) {
        reporter = new Reporter(List.of(brokers), ProbeRunner.httpClient(Duration.ofSeconds(5), http),
                new Secret("member-token"), timeout, POLICY, new AgentMetrics(meters), clock.utc());
        return reporter;
    }

    /** Offers report n to every broker and waits until the good one has it. */
    void offerAndDeliver(int n) throws InterruptedException {
        reporter.offer(report(n));
        good.awaitReport(report(n)::equals, WAIT);
    }

    @Test
    void aBrokerThatTakesTheConnectionAndNeverAnswersHoldsBackNoOtherAndIsTakenBackWhenItAnswers() throws Exception {
        try (FakeBroker hung = new FakeBroker()) {
            hung.answering(FakeHttpServer.never());
            reporter(Duration.ofSeconds(2), hung.url(), good.url());

            for (int n = 1; n <= 3; n++) {
                offerAndDeliver(n);
            }
            pushes.await(hung.url(), "failure", 1);
            assertThat(reporter.channels().get(0).lastResult().detail()).isEqualTo("no answer within 2 s");

            hung.accepting();
            // It may have failed often enough to be left alone: each step moves the clock past the pause.
            int[] n = {4};
            // Its first success may be a retry of a report it held before (report 3 or older): taken back means
            // a report offered after it came back reaches it too, and is answered.
            Awaitility.await("a report sent after it came back reaches it").atMost(WAIT).pollInSameThread()
                    .until(() -> {
                        if (pushes.count(hung.url(), "success") >= 1
                                && hung.reports().stream().anyMatch(r -> r.sentAt().isAfter(report(3).sentAt()))) {
                            return true;
                        }
                        clock.advance(OPEN_FOR);
                        offerAndDeliver(n[0]++);
                        return false;
                    });
        }
    }

    @Test
    void aBrokerAnswering500IsRetriedWithGrowingPausesThenTakesTheNextReport() throws Exception {
        FakeBroker failing = new FakeBroker().answering(FakeHttpServer.answer(500, "text/plain", "boom"));
        try (failing) {
            reporter(Duration.ofSeconds(10), failing.url(), good.url());
            List<Duration> pauses = new CopyOnWriteArrayList<>();
            reporter.channels().get(0).retry().getEventPublisher().onRetry(e -> pauses.add(e.getWaitInterval()));

            offerAndDeliver(1);
            pushes.await(failing.url(), "failure", 3);

            assertThat(failing.reports()).containsExactly(report(1), report(1), report(1));
            assertThat(pauses).hasSize(2);
            assertThat(pauses.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
            assertThat(pauses.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(600));
            assertThat(reporter.channels().get(0).lastResult()).isEqualTo(new PushResult(500, "boom"));

            failing.accepting();
            offerAndDeliver(2);
            pushes.await(failing.url(), "success", 1);
            assertThat(failing.reports()).endsWith(report(2));
        }
    }

    @Test
    void aBrokerThatIsDownIsLeftAloneUntilItsPauseIsOverThenTakenBack() throws Exception {
        try (ClosedPort down = new ClosedPort()) {
            URI url = down.url();
            reporter(Duration.ofSeconds(10), url, good.url());

            // Three refused tries for the first report, a fourth for the second: half or more of the last calls
            // failed, so the breaker opens and the second report's retries are not even sent.
            offerAndDeliver(1);
            pushes.await(url, "failure", 3);
            offerAndDeliver(2);
            pushes.await(url, "circuit_open", 1);
            assertThat(reporter.channels().get(0).lastResult().detail()).isEqualTo("connection refused");

            try (FakeBroker back = new FakeBroker(down.port())) {
                down.close();
                offerAndDeliver(3);
                pushes.await(url, "circuit_open", 2);
                assertThat(back.requests()).as("still left alone: the pause is not over").isEmpty();

                clock.advance(OPEN_FOR.plusSeconds(1));
                offerAndDeliver(4);

                back.awaitReport(report(4)::equals, WAIT);
                pushes.await(url, "success", 1);
                assertThat(back.reports()).containsExactly(report(4));
            }
        }
    }
}
