package org.chatons.entraide.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A built jar (the broker's or the probe agent's) run as a sysadmin would run it, in a child process whose output
 * goes to a file. Stopped by its own handle only: gently with {@link #close}, or with {@code SIGKILL} by
 * {@link #kill}, as a crash or the kernel's OOM killer would.
 */
final class JarProcess implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    private JarProcess(List<String> command, Map<String, String> environment, Path log) {
        this.command = command;
        this.environment = environment;
        this.log = log;
    }

    /**
     * The jar, or the test is skipped where it is not built (a build that stops before {@code package}) and fails
     * where it is older than its sources: the reactor packages the broker and the agent before this module's tests.
     */
    static Path jar(Path jar) {
        BuiltJar built = new BuiltJar(jar);
        Assumptions.assumeTrue(built.built(), () -> built.problem().orElseThrow());
        built.problem().ifPresent(problem -> {
            throw new AssertionError(problem);
        });
        return jar;
    }

    /** Starts {@code java -jar JAR ARGS...} with these environment variables, its output appended to {@code log}. */
    static JarProcess start(Path jar, List<String> args, Map<String, String> environment, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar(jar).toString()));
        command.addAll(args);
        JarProcess started = new JarProcess(command, environment, log);
        started.restart();
        return started;
    }

    /** Starts it again, with the same command and environment (after {@link #kill}). */
    void restart() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** {@code SIGKILL}: the process gets no chance to save or say anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** {@code kill -s SIGNAL pid}, to this process only (the shell's own kill: no package needed). */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("sh", "-c", "kill -s " + signal + " " + process.pid()).inheritIO().start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -s " + signal + " " + process.pid() + " failed");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url));
    }

    /** Waits for a condition, on it rather than on the clock; fails after a minute, naming what it waited for. */
    static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    /** True when the URL answers 200; false while it does not answer or answers something else. */
    static boolean answers(URI url) {
        try {
            return get(url).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
