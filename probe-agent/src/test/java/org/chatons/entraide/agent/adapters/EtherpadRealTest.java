package org.chatons.entraide.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.chatons.entraide.agent.ClosedPort;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The etherpad adapter against a real Etherpad: npm's ep_etherpad-lite 1.8.14 (the only one on npm, and it has no
 * /health, so the adapter's 1.8 path is what runs). Installed by src/test/etherpad/install-etherpad.sh into
 * ~/.cache/entraide (about 3 minutes, once per machine); skipped where node or npm is missing, or where it is not
 * installed yet and npm's registry cannot be reached.
 */
class EtherpadRealTest {

    /** Only a bound for waiting on the real Etherpad, which a busy machine slows down. */
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static Process etherpad;
    static URI url;
    /** Etherpad's port, held from the moment it is chosen until the test ends, so no other process takes it. */
    static ClosedPort port;

    @BeforeAll
    static void startEtherpad() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"),
                "node and npm are not installed: the real Etherpad test is skipped (apt-get install nodejs npm)");
        // Its output to a file, read once it ended: reading the pipe would wait as long as the script does.
        Process install = new ProcessBuilder("bash", "src/test/etherpad/install-etherpad.sh")
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(dir.resolve("install.out").toFile())
                .start();
        if (!install.waitFor(20, TimeUnit.MINUTES)) {
            install.destroyForcibly();
            throw new AssertionError("install-etherpad.sh still running after 20 minutes");
        }
        String output = Files.readString(dir.resolve("install.out")).strip();
        Assumptions.assumeFalse(install.exitValue() == 4,
                "npm's registry cannot be reached and Etherpad is not installed yet: the real Etherpad test is skipped");
        assertThat(install.exitValue()).as("install-etherpad.sh failed").isZero();
        Path home = Path.of(output.substring(output.lastIndexOf('\n') + 1));

        // Node binds with SO_REUSEADDR, as ClosedPort's holder does: Etherpad takes the port while it is held.
        port = new ClosedPort();
        Files.writeString(dir.resolve("settings.json"), """
                {"title":"Etherpad","ip":"127.0.0.1","port":%d,"dbType":"dirty",
                 "dbSettings":{"filename":"%s"},"loglevel":"WARN","minify":false}
                """.formatted(port.port(), dir.resolve("dirty.db")));
        Files.writeString(dir.resolve("APIKEY.txt"), "entraide-test-api-key");
        Files.writeString(dir.resolve("SESSIONKEY.txt"), "entraide-test-session-key");
        etherpad = new ProcessBuilder("node", "src/node/server.js",
                "--settings", dir.resolve("settings.json").toString(),
                "--apikey", dir.resolve("APIKEY.txt").toString(),
                "--sessionkey", dir.resolve("SESSIONKEY.txt").toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("etherpad.log").toFile())
                .start();
        url = URI.create(port.url() + "/");
        awaitFrontPage();
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return List.of(path.split(File.pathSeparator)).stream().anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    static void awaitFrontPage() throws Exception {
        // HTTP/1.1: an h2c upgrade request goes to socket.io's upgrade handler and is never answered.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            Awaitility.await("Etherpad's front page").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                        assertThat(etherpad.isAlive()).as("Etherpad exited: " + Files.readString(dir.resolve("etherpad.log")))
                                .isTrue();
                        return client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Etherpad did not start: " + Files.readString(dir.resolve("etherpad.log")), e);
        }
    }

    @AfterAll
    static void stopEtherpad() throws Exception {
        if (etherpad != null) {
            etherpad.descendants().forEach(ProcessHandle::destroy);
            etherpad.destroy();
            if (!etherpad.waitFor(10, TimeUnit.SECONDS)) {
                etherpad.destroyForcibly();
                etherpad.waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (port != null) {
            port.close();
        }
    }

    static Measurement awaitMeasurement(Predicate<Measurement> wanted) throws Exception {
        return Awaitility.await("Etherpad's measurement").atMost(WAIT).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200)).until(() -> Probe.probe(new EtherpadAdapter(), url), wanted::test);
    }

    @Test
    void theUserCountFollowsPadsBeingOpenedAndLeft() throws Exception {
        Measurement idle = awaitMeasurement(m -> Integer.valueOf(0).equals(m.activeUsers()));
        assertThat(idle.status()).isEqualTo(HostStatus.UP);
        assertThat(idle.activeUsers()).isZero();
        assertThat(idle.reason()).contains("before 1.9");

        Measurement busy;
        try (PadVisitor first = new PadVisitor(url, 3); PadVisitor second = new PadVisitor(url, 3)) {
            first.open("entraide-probe-test");
            second.open("entraide-probe-test");
            busy = awaitMeasurement(m -> Integer.valueOf(2).equals(m.activeUsers()));
        }
        Measurement left = awaitMeasurement(m -> Integer.valueOf(0).equals(m.activeUsers()));

        assertThat(busy.activeUsers()).isEqualTo(2);
        assertThat(busy.reason()).contains("2 users on 1 pads");
        assertThat(left.activeUsers()).isZero();
    }
}
