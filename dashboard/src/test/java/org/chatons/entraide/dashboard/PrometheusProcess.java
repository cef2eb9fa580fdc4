package org.chatons.entraide.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.chatons.entraide.agent.ClosedPort;

/**
 * A real Prometheus server (the {@code prometheus} binary of Debian's package, which also ships promtool) started
 * on a free loopback port with a given configuration, for tests that run PromQL through its HTTP API. Closing it
 * stops the process and deletes its storage.
 */
public final class PrometheusProcess implements AutoCloseable {

    private final Process process;
    private final Path storage;
    private final ClosedPort port;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusProcess(Process process, Path storage, ClosedPort port, URI base) {
        this.process = process;
        this.storage = storage;
        this.port = port;
        this.base = base;
    }

    /** True when a {@code prometheus} binary is on the PATH. */
    public static boolean available() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "prometheus")));
    }

    /**
     * Starts Prometheus with {@code config} (rule_files resolve relative to it) and waits until it is ready.
     * Its output goes to {@code prometheus.log} in its temporary storage folder's parent, for a failing test to show.
     */
    public static PrometheusProcess start(Path config) throws IOException, InterruptedException {
        // Held while Prometheus runs: Go listens with SO_REUSEADDR, and no other program is given the port meanwhile.
        ClosedPort port = new ClosedPort();
        Path storage = Files.createTempDirectory("entraide-prometheus");
        Process process = new ProcessBuilder("prometheus",
                "--config.file=" + config.toAbsolutePath(),
                "--storage.tsdb.path=" + storage.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port.port(),
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(storage.resolve("prometheus.log").toFile())
                .start();
        PrometheusProcess prometheus = new PrometheusProcess(process, storage, port,
                URI.create("http://127.0.0.1:" + port.port()));
        prometheus.awaitReady(Duration.ofSeconds(30));
        return prometheus;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        try {
            // An IOException: not listening yet.
            Awaitility.await("prometheus ready").atMost(timeout).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": " + log());
                }
                return http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            });
        } catch (ConditionTimeoutException e) {
            close();
            throw new IOException("prometheus not ready after " + timeout + ": " + log(), e);
        } catch (IllegalStateException e) {
            close();
            throw new IOException(e.getMessage(), e);
        }
    }

    public URI baseUri() {
        return base;
    }

    /**
     * Runs an instant query and returns Prometheus's whole answer: {@code status} is "success" or "error" (with
     * {@code errorType} and {@code error}), {@code data.result} the series.
     */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .build();
        return PromqlExpressions.JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** What Prometheus printed so far. */
    public String log() {
        try {
            return Files.readString(storage.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.close();
        try (Stream<Path> files = Files.walk(storage)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is no failure
        }
    }
}
