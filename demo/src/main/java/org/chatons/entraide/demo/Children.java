package org.chatons.entraide.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The demo's child processes (the broker, the probe agents): started with their output in {@code logs/NAME.log}
 * under the work folder, waited for until they answer, and stopped, the last started first.
 */
final class Children implements AutoCloseable {

    private final Path logs;
    private final List<Process> processes = new ArrayList<>();

    Children(Path logs) {
        this.logs = logs;
    }

    /** Starts a child; its output goes to its log, after what an earlier start wrote there. */
    Process spawn(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Waits until a child answers 200 on a URL; says why when it stops or takes too long (a port in use, say). */
    void awaitHttp(Process child, String name, URI health) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            if (!child.isAlive()) {
                throw new IOException(name + " stopped: see " + log(name) + "\n" + tail(name));
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException(name + " did not answer on " + health + " within 90 s: see " + log(name));
    }

    /**
     * Whether a child stopped because its port was taken: a free port is found by opening and closing it, and on a
     * busy machine another process may take it before the child, which then starts again on another.
     */
    boolean lostItsPort(String name) {
        try {
            return Files.readString(log(name), StandardCharsets.UTF_8).contains("already in use");
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops every child (asking first, then forcing), the last started first. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private Path log(String name) {
        return logs.resolve(name + ".log");
    }

    private String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(log(name), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** The java command of this JVM, for the children. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Checked before starting, since a child that cannot listen looks, from outside, like another one that can. */
    static int requireFree(int port, String what) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IOException(what + " " + port + " is in use (another demo still running?)", e);
        }
    }

    /** Stops one child, as when its server dies. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
