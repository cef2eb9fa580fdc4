package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.agent.FakeHttpServer.answer;
import static org.chatons.entraide.agent.FakeHttpServer.json;
import static org.chatons.entraide.agent.FakeHttpServer.sample;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chatons.entraide.agent.FakeHttpServer;
import org.chatons.entraide.agent.MutableClock;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NextcloudAdapterTest {

    static final String SERVERINFO = "/ocs/v2.php/apps/serverinfo/api/v1/info";
    final FakeHttpServer cloud = FakeHttpServer.start().on("/status.php", sample("nextcloud-status.json"));
    final NextcloudAdapter adapter = new NextcloudAdapter();
    final Secret token = new Secret("nc-token-123");

    @AfterEach
    void stop() {
        cloud.close();
    }

    Measurement probe(Clock clock) throws InterruptedException {
        return Probe.probe(adapter, cloud.url(), token, Probe.TIMEOUT, clock);
    }

    @Test
    void activeUsersComeFromServerinfoWithTheToken() throws Exception {
        cloud.on(SERVERINFO, sample("nextcloud-serverinfo.json"));

        Measurement m = probe(Clock.systemUTC());

        assertThat(m).extracting(Measurement::status, Measurement::activeUsers).containsExactly(HostStatus.UP, 3);
        assertThat(m.load()).as("load averages are not a normalised load").isNull();
        assertThat(m.reason()).contains("Nextcloud 29.0.4", "3 users active", "cpu load 0.8");
        FakeHttpServer.Request request = cloud.requests(SERVERINFO).get(0);
        assertThat(request.header("NC-Token")).isEqualTo("nc-token-123");
        assertThat(m.reason()).doesNotContain("nc-token-123");
    }

    @Test
    void notAvailableFiguresDoNotSpoilTheCount() throws Exception {
        cloud.on(SERVERINFO, sample("nextcloud-serverinfo-na.json"));

        Measurement m = probe(Clock.systemUTC());

        assertThat(m).extracting(Measurement::status, Measurement::activeUsers).containsExactly(HostStatus.UP, 7);
        assertThat(m.reason()).contains("cpu load N/A");
    }

    @Test
    void aRefusedTokenIsNotRetriedAtEveryProbe() throws Exception {
        cloud.on(SERVERINFO, answer(401, "application/json", "{\"message\":\"Unauthorized\"}"));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T18:00:00Z"));

        Measurement first = probe(clock.utc());
        clock.advance(Duration.ofMinutes(1));
        Measurement second = probe(clock.utc());
        clock.advance(Duration.ofMinutes(5));
        probe(clock.utc());

        assertThat(first.status()).as("status.php says it serves").isEqualTo(HostStatus.UP);
        assertThat(first.activeUsers()).isNull();
        assertThat(first.reason()).contains("refused the NC-Token (401)", "5 min");
        assertThat(second.reason()).contains("not asked again before");
        assertThat(cloud.requests(SERVERINFO)).as("asked at the first probe and after the pause only").hasSize(2);
    }

    @Test
    void thePauseDoublesAfterEachRefusal() throws Exception {
        cloud.on(SERVERINFO, answer(401, "application/json", "{\"message\":\"Unauthorized\"}"));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T18:00:00Z"));

        probe(clock.utc());
        clock.advance(Duration.ofMinutes(6));
        Measurement again = probe(clock.utc());

        assertThat(again.reason()).contains("10 min");
    }

    @Test
    void withoutATokenOnlyHealthIsMeasured() throws Exception {
        Measurement m = Probe.probe(adapter, cloud.url());

        assertThat(m.status()).isEqualTo(HostStatus.UP);
        assertThat(m.reason()).contains("no NC-Token configured");
        assertThat(cloud.requests(SERVERINFO)).isEmpty();
    }

    @Test
    void serverinfoErrorsAndGarbageDegrade() throws Exception {
        cloud.on(SERVERINFO, FakeHttpServer.status(500));
        Measurement error = probe(Clock.systemUTC());
        cloud.on(SERVERINFO, json("{\"ocs\":"));
        Measurement garbage = probe(Clock.systemUTC());
        cloud.on(SERVERINFO, json("{\"ocs\":{\"data\":{}}}"));
        Measurement empty = probe(Clock.systemUTC());

        assertThat(error.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(garbage.status()).isEqualTo(HostStatus.DEGRADED);
        assertThat(empty.status()).as("a missing figure is no data, not an error").isEqualTo(HostStatus.UP);
        assertThat(empty.activeUsers()).isNull();
    }

    @Test
    void statusPageDownOrGarbage() throws Exception {
        cloud.on("/status.php", FakeHttpServer.status(502));
        assertThat(probe(Clock.systemUTC()).status()).isEqualTo(HostStatus.DOWN);
        cloud.on("/status.php", answer(200, "text/html", "<html>It works!</html>"));
        Measurement garbage = probe(Clock.systemUTC());
        assertThat(garbage.status()).isEqualTo(HostStatus.DOWN);
        assertThat(garbage.reason()).contains("not JSON");
    }
}
