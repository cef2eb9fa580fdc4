package org.chatons.entraide.broker.drains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.report;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.config.StartupError;
import org.chatons.entraide.broker.members.Members;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.selection.Dispatcher;
import org.chatons.entraide.broker.selection.Pick;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coordinators' drains outlive a restart of the broker when broker.drains-file is set. */
class DrainsTest {

    static final HostKey PAD_1 = new HostKey("alpha", "pad-1");
    static final HostKey PAD_2 = new HostKey("alpha", "pad-2");

    @TempDir
    Path dir;

    static ApplicationContext broker(Path drainsFile) {
        return started(ApplicationContext.builder().environments("test").properties(Map.of(
                "broker.members-file", "src/test/resources/test-members.yml",
                "broker.drains-file", drainsFile == null ? "" : drainsFile.toString())).start());
    }

    /**
     * Micronaut sets up @Scheduled methods on the common fork-join pool after start: a context closed before that
     * is done makes it log errors about a missing scheduler.
     */
    static <T> T started(T context) {
        ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS);
        return context;
    }

    /** The alpha member reports pad-1 and pad-2 to the broker, as its agent would after a restart. */
    static void alphaReports(ApplicationContext broker) {
        TestClock clock = broker.getBean(TestClock.class);
        clock.advance(Duration.ofSeconds(1));
        broker.getBean(HostRegistry.class).accept(broker.getBean(Members.class).current().byId("alpha").orElseThrow(),
                report("alpha", clock.instant(), host("alpha", "pad-1", "pad", 10, 100),
                        host("alpha", "pad-2", "pad", 10, 100)),
                clock.instant());
    }

    @Test
    void aDrainSurvivesARestartAndTheHostGetsNoUserWhenItComesBack() throws IOException {
        Path file = dir.resolve("drains.txt");
        try (ApplicationContext broker = broker(file)) {
            alphaReports(broker);
            assertThat(broker.getBean(Drains.class).decide(PAD_1, true)).isPresent();
        }
        assertThat(Files.readAllLines(file)).contains("alpha/pad-1 drained " + TestClock.START.plusSeconds(1));

        try (ApplicationContext broker = broker(file)) {
            assertThat(broker.getBean(HostRegistry.class).isDrained(PAD_1)).isTrue();
            alphaReports(broker);
            for (int i = 0; i < 20; i++) {
                Pick pick = broker.getBean(Dispatcher.class).pick("pad");
                assertThat(((Pick.Sent) pick).host().key()).isEqualTo(PAD_2);
            }
            broker.getBean(Drains.class).decide(PAD_1, false);
        }
        assertThat(Files.readAllLines(file)).anyMatch(line -> line.startsWith("alpha/pad-1 undrained "));
        try (ApplicationContext broker = broker(file)) {
            assertThat(broker.getBean(HostRegistry.class).drained()).isEmpty();
        }
    }

    @Test
    void aDrainThatCannotBeSavedIsRefusedAndChangesNothing() throws Exception {
        Path gone = Files.createDirectory(dir.resolve("gone"));
        try (EmbeddedServer server = started(ApplicationContext.builder().environments("test").properties(Map.of(
                "broker.members-file", "src/test/resources/test-members.yml",
                "broker.drains-file", gone.resolve("drains.txt").toString())).run(EmbeddedServer.class))) {
            ApplicationContext broker = server.getApplicationContext();
            alphaReports(broker);
            Files.delete(gone);

            assertThatThrownBy(() -> broker.getBean(Drains.class).decide(PAD_1, true)).isInstanceOf(IOException.class);
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            server.getURI().resolve("/api/v1/admin/hosts/alpha/pad-1/drain"))
                    .header("Authorization", "Bearer admin-token").PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(put.statusCode()).isEqualTo(500);
            assertThat(put.body()).contains("could not write its drains file (broker.drains-file), so nothing changed");
            assertThat(broker.getBean(HostRegistry.class).isDrained(PAD_1)).isFalse();
            assertThat(broker.getBean(Drains.class).states()).isEmpty();
        }
    }

    @Test
    void aBadLineStopsTheBrokerAtStartNamingTheLine() throws IOException {
        Path file = dir.resolve("drains.txt");
        Files.writeString(file, "# drained\nalpha/pad-1 drained 2026-11-23T18:00:00Z\nalpha pad-2\n");

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> broker(file).close());

        assertThat(StartupError.find(thrown)).hasValueSatisfying(e -> assertThat(e.getMessage())
                .contains("drains.txt line 3: 'alpha pad-2' (expected: member/host drained|undrained"));
        Files.writeString(file, "alpha/pad-1 drained yesterday\n");
        assertThat(StartupError.find(org.assertj.core.api.Assertions.catchThrowable(() -> broker(file).close())))
                .hasValueSatisfying(e -> assertThat(e.getMessage()).contains("drains.txt line 1: 'yesterday' "
                        + "(expected: an instant such as 2026-11-23T18:00:00Z)"));
    }

    @Test
    void aFileOfTheOlderFormatIsReadAsDrainsDecidedAtStart() throws IOException {
        Path file = dir.resolve("drains.txt");
        Files.writeString(file, "# drained\nalpha/pad-1\n");
        try (ApplicationContext broker = broker(file)) {
            assertThat(broker.getBean(Drains.class).states())
                    .containsExactly(new DrainState(PAD_1, true, TestClock.START));
            assertThat(broker.getBean(HostRegistry.class).isDrained(PAD_1)).isTrue();
        }
    }

    @Test
    void withoutTheSettingDrainsWorkInMemoryAndNoFileIsWritten() throws IOException {
        try (ApplicationContext broker = broker(null)) {
            alphaReports(broker);
            assertThat(broker.getBean(Drains.class).decide(PAD_1, true)).isPresent();
            assertThat(broker.getBean(HostRegistry.class).isDrained(PAD_1)).isTrue();
            assertThat(broker.getBean(Drains.class).decide(new HostKey("alpha", "nope"), true)).isEmpty();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aRestoredDrainWhoseHostNeverComesBackIsDroppedAfterForgetAfter() throws IOException {
        Path file = dir.resolve("drains.txt");
        Files.writeString(file, "alpha/pad-1\nalpha/pad-9\n");
        try (ApplicationContext broker = broker(file)) {
            alphaReports(broker);
            Drains drains = broker.getBean(Drains.class);
            drains.forgetOld();
            assertThat(broker.getBean(HostRegistry.class).drained()).hasSize(2);

            broker.getBean(TestClock.class).advance(Duration.ofHours(23));
            alphaReports(broker);
            broker.getBean(TestClock.class).advance(Duration.ofHours(2));
            alphaReports(broker);
            drains.forgetOld();

            assertThat(broker.getBean(HostRegistry.class).drained()).containsExactly(PAD_1);
        }
        assertThat(Files.readString(file)).contains("alpha/pad-1 drained").doesNotContain("alpha/pad-9");
    }

    @Test
    void aDrainedHostForgottenAfterALongSilenceIsStillDrainedWhenItComesBackSoon() throws IOException {
        try (ApplicationContext broker = broker(dir.resolve("drains.txt"))) {
            alphaReports(broker);
            TestClock clock = broker.getBean(TestClock.class);
            clock.advance(Duration.ofHours(23));
            broker.getBean(Drains.class).decide(PAD_1, true);
            clock.advance(Duration.ofHours(2));
            broker.getBean(org.chatons.entraide.broker.registry.RegistryJanitor.class).forgetSilentHosts();
            broker.getBean(Drains.class).forgetOld();
            assertThat(broker.getBean(HostRegistry.class).find(PAD_1)).isEmpty();

            alphaReports(broker);
            assertThat(broker.getBean(HostRegistry.class).isDrained(PAD_1)).isTrue();
        }
    }
}
