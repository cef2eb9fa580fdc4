package org.chatons.entraide.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chatons.entraide.bench.sim.Bots;
import org.chatons.entraide.bench.sim.Contender;
import org.chatons.entraide.bench.sim.RunResult;
import org.chatons.entraide.bench.sim.Scenario;
import org.chatons.entraide.bench.sim.Sessions;
import org.chatons.entraide.bench.sim.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The adversarial scenarios: requests that never become users, at 1, 10 and 100 times the real users' rate, from
 * one network and from many, with and without a flash crowd of real users, against the broker's default with and
 * without its defences of the count. Writes {@code attack.md} into the output folder.
 *
 * <pre>
 * java -cp bench/target/bench.jar org.chatons.entraide.bench.Attack --out bench/results
 *   [--seeds 5] [--only REGEX] [--threads N] [--minutes WARMUP:MEASURED] [--load 0.6] [--brokers 1]
 * </pre>
 */
@Command(name = "Attack", mixinStandardHelpOptions = true,
        description = "Bots asking for hosts against the broker's defences of the count: attack.md.")
public final class Attack implements Callable<Integer> {

    @Mixin RunOptions run = new RunOptions();
    @Option(names = "--load", paramLabel = "L", description = "offered load (default 0.6)") double load = 0.6;
    @Option(names = "--brokers", paramLabel = "N", description = "how many brokers (default 1)") int brokers = 1;

    private Attack() {
    }

    /** Bots from a quarter into the measured time to its end: the flash crowd comes at a third, under attack. */
    static List<Bots> attacks() {
        List<Bots> all = new ArrayList<>();
        all.add(Bots.NONE);
        for (boolean one : new boolean[] {true, false}) {
            for (double m : new double[] {1, 10, 100}) {
                all.add(new Bots(m, one, 0.25));
            }
        }
        return all;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Attack()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Scenario base = run.timed(Scenario.standard(50, 30, brokers, Sessions.EXPONENTIAL, load));
        List<Scenario> scenarios = new ArrayList<>();
        for (boolean flash : new boolean[] {true, false}) {
            for (Bots bots : attacks()) {
                Scenario s = base.withBots(bots, flash);
                if (run.selects(s)) {
                    scenarios.add(s);
                }
            }
        }
        List<Contender> contenders = List.of(Contender.brokerDefault(Contender.DEFAULT_CHOICES),
                Contender.undefended(Contender.DEFAULT_CHOICES));

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(run.threads());
        try {
            write(run.out(), base, run.seeds(), Simulate.submit(pool, scenarios, s -> contenders, run.seeds()), started);
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private static void write(Path out, Scenario base, int seeds,
                              Map<Scenario, Map<Contender, List<Future<RunResult>>>> futures, long started)
            throws Exception {
        StringBuilder md = new StringBuilder("# Adversarial scenarios\n\nWritten by `org.chatons.entraide.bench.Attack`"
                + " (see BENCHMARKS.md): " + seeds + " seeds, " + base.warmUp().toMinutes() + " min warm-up, "
                + base.measured().toMinutes() + " min measured; bots from a quarter into the measured time to its"
                + " end, the flash crowd (when there is one) at a third.\n\n"
                + "| scenario | count | real users turned away below 85 % full | turned away | peak/mean | p99"
                + " | host-time over capacity below 85 % full | peak utilisation | bot requests sent |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var entry : futures.entrySet()) {
            for (var byContender : entry.getValue().entrySet()) {
                List<RunResult> runs = new ArrayList<>();
                for (Future<RunResult> f : byContender.getValue()) {
                    runs.add(f.get());
                }
                Summary s = Summary.of(entry.getKey(), byContender.getKey(), runs);
                md.append("| ").append(entry.getKey().bots().label())
                        .append(entry.getKey().flashFraction() > 0 ? ", flash crowd" : "")
                        .append(" | ").append(byContender.getKey().defended() ? "**defended**" : "every redirect")
                        .append(" | ").append(fmt("%.1f", s.turnedAwayBelowFull()))
                        .append(" | ").append(fmt("%.1f", s.turnedAway()))
                        .append(" | ").append(fmt("%.3f", s.peakToMean())).append(" | ")
                        .append(fmt("%.3f", s.peakToMeanP99()))
                        .append(" | ").append(fmt("%.3f %%", 100 * s.overCapacityBelowShare()))
                        .append(" | ").append(fmt("%.1f %%", 100 * s.peakUtilisation()))
                        .append(" | ").append(fmt("%.0f", s.botsSent())).append(" |\n");
            }
            System.out.printf("%-40s done after %.0f s%n", entry.getKey().id(), (System.nanoTime() - started) / 1e9);
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("attack.md"), md.toString());
        System.out.printf("Wrote %s in %.0f s%n", out.resolve("attack.md"), (System.nanoTime() - started) / 1e9);
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
