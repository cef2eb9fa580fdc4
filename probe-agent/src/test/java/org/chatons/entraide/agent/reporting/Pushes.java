package org.chatons.entraide.agent.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;

/** Reports numbered for tests, and what became of them, read from the agent's push counter. */
final class Pushes {

    /** Only a bound for waiting; nothing is asserted about how long a push takes. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private final MeterRegistry meters;

    /** What became of the pushes counted in {@code meters}. */
    Pushes(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Report number n: one host, with n users, sent n seconds after a fixed instant. */
    static Report report(int n) {
        return new Report("alpha", Instant.parse("2026-11-23T18:00:00Z").plusSeconds(n), 30, List.of(
                new HostReport("pad-1", "pad", "etherpad", "https://pad.example.org/", HostStatus.UP, true, n, 100, null, "ok")));
    }

    /** Pushes to a broker so far with that outcome. */
    double count(URI broker, String outcome) {
        Counter counter = meters.find("entraide.probe.push").tag("broker", broker.toString()).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Waits (bounded) until at least n pushes to the broker had that outcome. */
    void await(URI broker, String outcome, double n) {
        Awaitility.await("%s %s pushes to %s".formatted(n, outcome, broker)).atMost(WAIT)
                .pollInterval(Duration.ofMillis(20)).until(() -> count(broker, outcome) >= n);
    }
}
