package org.chatons.entraide.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.chatons.entraide.bench.report.Plot;
import org.chatons.entraide.bench.report.Tables;
import org.chatons.entraide.bench.sim.Contender;
import org.chatons.entraide.bench.sim.RunResult;
import org.chatons.entraide.bench.sim.Scenario;
import org.chatons.entraide.bench.sim.Sessions;
import org.chatons.entraide.bench.sim.Simulation;
import org.chatons.entraide.bench.sim.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the standard scenarios for every contender and seed, and writes {@code simulation.md} (the tables) and one
 * PNG per scenario into the output folder.
 *
 * <pre>
 * java -cp bench/target/bench.jar org.chatons.entraide.bench.Simulate --out bench/results
 *   [--seeds 5] [--choices 2] [--only REGEX] [--also POLICY:D,...] [--threads N] [--minutes WARMUP:MEASURED]
 * </pre>
 */
@Command(name = "Simulate", mixinStandardHelpOptions = true,
        description = "The standard scenarios for every contender and seed: simulation.md and one PNG per scenario.")
public final class Simulate implements Callable<Integer> {

    @Mixin RunOptions run = new RunOptions();
    @Option(names = "--choices", paramLabel = "D", description = "the d of the d-choices contenders")
    int choices = Contender.DEFAULT_CHOICES;
    @Option(names = "--also", paramLabel = "POLICY:D,...", description = "more contenders") String also;

    private Simulate() {
    }

    /** The standard set: the reference case, then one thing changed at a time. */
    public static List<Scenario> standardScenarios() {
        List<Scenario> all = new ArrayList<>();
        for (int brokers : new int[] {1, 4}) {
            all.add(Scenario.standard(50, 30, brokers, Sessions.EXPONENTIAL, 0.6));
        }
        for (int hosts : new int[] {10, 200}) {
            for (int brokers : new int[] {1, 4}) {
                all.add(Scenario.standard(hosts, 30, brokers, Sessions.EXPONENTIAL, 0.6));
            }
        }
        for (int interval : new int[] {15, 60}) {
            for (int brokers : new int[] {1, 4}) {
                all.add(Scenario.standard(50, interval, brokers, Sessions.EXPONENTIAL, 0.6));
            }
        }
        for (int brokers : new int[] {1, 4}) {
            all.add(Scenario.standard(50, 30, brokers, Sessions.LOGNORMAL, 0.6));
        }
        all.add(Scenario.standard(50, 30, 4, Sessions.EXPONENTIAL, 0.8));
        return all;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Simulate()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Contender> extra = new ArrayList<>();
        if (also != null) {
            for (String spec : also.split(",")) {
                String[] parts = spec.split(":");
                int d = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                extra.add(new Contender(parts[0] + (d > 0 ? ", d = " + d : ""), parts[0], d));
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Scenario s : standardScenarios()) {
            if (run.selects(s)) {
                scenarios.add(run.timed(s));
            }
        }
        Files.createDirectories(run.out());

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(run.threads());
        Map<Scenario, Map<Contender, List<Future<RunResult>>>> futures = submit(pool, scenarios, s -> {
            List<Contender> contenders = new ArrayList<>(Contender.standard(choices, s.brokers()));
            contenders.addAll(contenders.size() - 1, extra);
            return contenders;
        }, run.seeds());

        StringBuilder md = new StringBuilder();
        List<Summary> defaults = new ArrayList<>();
        StringBuilder details = new StringBuilder();
        for (var entry : futures.entrySet()) {
            Scenario s = entry.getKey();
            List<Summary> rows = new ArrayList<>();
            List<Plot.Line> lines = new ArrayList<>();
            RunResult.Series first = null;
            for (var byContender : entry.getValue().entrySet()) {
                List<RunResult> runs = new ArrayList<>();
                for (Future<RunResult> f : byContender.getValue()) {
                    runs.add(f.get());
                }
                Summary summary = Summary.of(s, byContender.getKey(), runs);
                rows.add(summary);
                if (byContender.getKey().isDefault()) {
                    defaults.add(summary);
                }
                first = runs.get(0).series();
                Contender c = byContender.getKey();
                lines.add(new Plot.Line(c.label(), first.peakToMean(), c.isDefault() || c.waterFilling(),
                        colour(c, lines.size())));
            }
            plot(run.out().resolve(s.id() + ".png"), s, lines, first);
            details.append("\n### ").append(s.describe()).append("\n\n")
                    .append("![").append(s.id()).append("](").append(s.id()).append(".png)\n\n")
                    .append(Tables.scenario(rows));
            System.out.printf("%-24s done after %.0f s%n", s.id(), (System.nanoTime() - started) / 1e9);
        }
        pool.shutdown();

        md.append("# Simulation results\n\n")
                .append("Written by `org.chatons.entraide.bench.Simulate` (see BENCHMARKS.md): ").append(run.seeds())
                .append(" seeds per scenario, ").append(scenarios.isEmpty() ? 0 : scenarios.get(0).warmUp().toMinutes())
                .append(" min warm-up, ").append(scenarios.isEmpty() ? 0 : scenarios.get(0).measured().toMinutes())
                .append(" min measured. Plots show seed 1.\n\n")
                .append("## The broker's default policy against the targets\n\n")
                .append(Tables.targets(defaults))
                .append("\n## Every scenario\n").append(details);
        Files.writeString(run.out().resolve("simulation.md"), md.toString());
        System.out.printf("Wrote %s (%d scenarios, %d seeds) in %.0f s%n", run.out().resolve("simulation.md"),
                scenarios.size(), run.seeds(), (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** Every contender on every scenario, seeds 1 to {@code seeds}, submitted to the pool in that order. */
    static Map<Scenario, Map<Contender, List<Future<RunResult>>>> submit(ExecutorService pool,
            List<Scenario> scenarios, Function<Scenario, List<Contender>> contenders, int seeds) {
        Map<Scenario, Map<Contender, List<Future<RunResult>>>> futures = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            Map<Contender, List<Future<RunResult>>> byContender = new LinkedHashMap<>();
            for (Contender c : contenders.apply(s)) {
                List<Future<RunResult>> runs = new ArrayList<>();
                for (int seed = 1; seed <= seeds; seed++) {
                    long fixedSeed = seed;
                    runs.add(pool.submit(() -> new Simulation(s, c, fixedSeed).run()));
                }
                byContender.put(c, runs);
            }
            futures.put(s, byContender);
        }
        return futures;
    }

    private static void plot(Path file, Scenario s, List<Plot.Line> lines, RunResult.Series series)
            throws IOException {
        // 30-second means of the 5-second samples: the same story, readable and a smaller file.
        int block = 6;
        double[] hours = blocks(series.seconds(), block);
        for (int i = 0; i < hours.length; i++) {
            hours[i] /= 3600;
        }
        List<Plot.Line> smoothed = lines.stream()
                .map(l -> new Plot.Line(l.label(), blocks(l.values(), block), l.bold(), l.color())).toList();
        // One scale for every plot, so they compare at a glance; lines above it run along the top edge.
        Plot.write(file, s.describe() + " (seed 1, 30 s means)", "peak-to-mean utilisation", hours, smoothed, 1.0,
                1.3, "federation fill", blocks(series.fill(), block), s.warmUp().toSeconds() / 3600.0,
                List.of(new Plot.Marker(s.flashAtMillis() / 3.6e6, "flash crowd"),
                        new Plot.Marker(s.crashAtMillis() / 3.6e6, "hosts crash")));
    }

    /** Means of consecutive blocks of values (NaN where a block has no number). */
    static double[] blocks(double[] values, int block) {
        double[] means = new double[values.length / block];
        for (int b = 0; b < means.length; b++) {
            double sum = 0;
            int count = 0;
            for (int k = b * block; k < (b + 1) * block; k++) {
                if (!Double.isNaN(values[k])) {
                    sum += values[k];
                    count++;
                }
            }
            means[b] = count == 0 ? Double.NaN : sum / count;
        }
        return means;
    }

    /** The same colour for the same contender in every plot. */
    private static Color colour(Contender c, int index) {
        if (c.waterFilling()) {
            return new Color(0x2CA02C);
        }
        if (c.isDefault()) {
            return new Color(0x1F77B4);
        }
        if (!c.toldBrokers()) {
            return new Color(0x17BECF);
        }
        return switch (c.policy()) {
            case "random" -> new Color(0x9E9E9E);
            case "least-loaded-uncorrected" -> new Color(0xD62728);
            case "d-choices-uncorrected" -> new Color(0xFF7F0E);
            case "least-loaded" -> new Color(0x9467BD);
            default -> index % 2 == 0 ? new Color(0x8C564B) : new Color(0xE377C2);
        };
    }
}
