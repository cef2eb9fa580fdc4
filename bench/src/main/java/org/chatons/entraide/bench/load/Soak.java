package org.chatons.entraide.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * The load of {@code bench/soak.sh}: {@code /go/pad} at a steady rate and a {@code /prometheus} scrape every few
 * seconds, minute after minute, and at the end of each minute the broker's heap after a full GC and its resident
 * memory. Requests are sent on a fixed schedule whatever the answers take (an open loop), and each latency is
 * counted from when its request was due, so a stall of the broker shows in full rather than as fewer requests.
 *
 * <pre>
 * Soak BROKER_URL BROKER_PID MINUTES WARMUP_SECONDS RATE SCRAPE_SECONDS
 * </pre>
 * Prints one tab-separated line a minute: minute, /go requests, errors, p50, p99 and max latency (ms), scrapes,
 * scrape errors, heap used after a full GC (the least of three, KiB), resident memory (KiB).
 */
public final class Soak {

    /** One minute's /go latencies (ns, from when each request was due) and errors. */
    private static final class Minute {
        final long[] latencies;
        final AtomicInteger recorded = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger scrapes = new AtomicInteger();
        final AtomicInteger scrapeErrors = new AtomicInteger();

        Minute(int capacity) {
            latencies = new long[capacity];
        }

        void record(long nanos, boolean ok) {
            int i = recorded.getAndIncrement();
            if (i < latencies.length) {
                latencies[i] = nanos;
            }
            if (!ok) {
                errors.incrementAndGet();
            }
        }
    }

    private Soak() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Command()).execute(args));
    }

    /** {@code Soak BROKER_URL BROKER_PID MINUTES WARMUP_SECONDS RATE SCRAPE_SECONDS}, read by picocli. */
    @CommandLine.Command(name = "Soak", mixinStandardHelpOptions = true,
            description = "Users at a steady rate and Prometheus scrapes against a running broker.")
    static final class Command implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "BROKER_URL") URI broker;
        @Parameters(index = "1", paramLabel = "BROKER_PID") long pid;
        @Parameters(index = "2", paramLabel = "MINUTES") int minutes;
        @Parameters(index = "3", paramLabel = "WARMUP_SECONDS") int warmup;
        @Parameters(index = "4", paramLabel = "RATE") int rate;
        @Parameters(index = "5", paramLabel = "SCRAPE_SECONDS") int scrapeSeconds;

        @Override
        public Integer call() throws Exception {
            run(broker, pid, minutes, warmup, rate, scrapeSeconds);
            return 0;
        }
    }

    private static void run(URI broker, long pid, int minutes, int warmup, int rate, int scrapeSeconds)
            throws Exception {
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest go = HttpRequest.newBuilder(broker.resolve("/go/pad")).timeout(Duration.ofSeconds(10)).build();
        HttpRequest scrape = HttpRequest.newBuilder(broker.resolve("/prometheus")).timeout(Duration.ofSeconds(10))
                .build();

        Minute[] measured = new Minute[minutes];
        for (int m = 0; m < minutes; m++) {
            measured[m] = new Minute(rate * 60 + rate);
        }
        Minute discarded = new Minute(rate * (warmup + 1));
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long measuredFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = measuredFrom + TimeUnit.MINUTES.toNanos(minutes);
        AtomicLong inFlight = new AtomicLong();
        System.out.println("minute\tgo_requests\tgo_errors\tp50_ms\tp99_ms\tmax_ms\tscrapes\tscrape_errors"
                + "\theap_after_full_gc_kib\trss_kib");

        // Each minute is reported a second after it is over (its last answers are in), with the broker's memory
        // then: on a thread of its own, so that jcmd and jstat never hold back the requests.
        Thread reporter = new Thread(() -> {
            for (int m = 0; m < minutes; m++) {
                long at = measuredFrom + TimeUnit.MINUTES.toNanos(m + 1) + TimeUnit.SECONDS.toNanos(1);
                for (long wait = at - System.nanoTime(); wait > 0; wait = at - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    report(m + 1, measured[m], pid);
                } catch (IOException | InterruptedException e) {
                    System.out.println("# minute " + (m + 1) + ": " + e);
                }
            }
        }, "soak-reporter");
        reporter.start();

        long nextScrape = start;
        for (long i = 0; ; i++) {
            long due = start + i * period;
            if (due >= end) {
                break;
            }
            if (due >= nextScrape) {
                Minute bucket = bucket(measured, discarded, measuredFrom, due);
                http.sendAsync(scrape, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                    bucket.scrapes.incrementAndGet();
                    if (e != null || r.statusCode() != 200) {
                        bucket.scrapeErrors.incrementAndGet();
                    }
                });
                nextScrape += TimeUnit.SECONDS.toNanos(scrapeSeconds);
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Minute bucket = bucket(measured, discarded, measuredFrom, due);
            inFlight.incrementAndGet();
            http.sendAsync(go, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                bucket.record(System.nanoTime() - due, e == null && r.statusCode() == 302);
                inFlight.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        reporter.join();
        System.out.printf(Locale.ROOT, "# warm-up (not counted): %d requests, %d errors; unanswered at the end: %d%n",
                discarded.recorded.get(), discarded.errors.get(), inFlight.get());
        callbacks.shutdownNow();
    }

    private static Minute bucket(Minute[] measured, Minute discarded, long measuredFrom, long due) {
        if (due < measuredFrom) {
            return discarded;
        }
        int m = (int) TimeUnit.NANOSECONDS.toMinutes(due - measuredFrom);
        return measured[Math.min(m, measured.length - 1)];
    }

    private static void report(int minute, Minute m, long pid) throws IOException, InterruptedException {
        int n = Math.min(m.recorded.get(), m.latencies.length);
        long[] sorted = Arrays.copyOf(m.latencies, n);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d%n", minute, m.recorded.get(),
                m.errors.get(), millis(sorted, 0.50), millis(sorted, 0.99), n == 0 ? Double.NaN : sorted[n - 1] / 1e6,
                m.scrapes.get(), m.scrapeErrors.get(), heapAfterFullGc(pid), rss(pid));
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /**
     * The broker's live heap: the least heap used after a full collection ({@code jcmd PID GC.run}, with the serial
     * collector) of three a second apart, from jstat, in KiB. One alone also counts what is in flight at that
     * instant: a 1 MB {@code /prometheus} answer being written, a member's report being read.
     */
    static long heapAfterFullGc(long pid) throws IOException, InterruptedException {
        long least = Long.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            if (k > 0) {
                Thread.sleep(1000);
            }
            least = Math.min(least, heapAfterOneFullGc(pid));
        }
        return least;
    }

    private static long heapAfterOneFullGc(long pid) throws IOException, InterruptedException {
        run("jcmd", Long.toString(pid), "GC.run");
        String[] lines = run("jstat", "-gc", Long.toString(pid)).strip().split("\n");
        String[] names = lines[0].trim().split("\\s+");
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        double used = 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals("S0U") || names[i].equals("S1U") || names[i].equals("EU") || names[i].equals("OU")) {
                used += Double.parseDouble(values[i]);
            }
        }
        return Math.round(used);
    }

    static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + output);
        }
        return output;
    }
}
