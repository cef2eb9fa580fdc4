package org.chatons.entraide.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The count at every pace (BENCHMARKS.md §6): users staying 30 s, 5 min and 1 h on average, agents reporting
 * every 5 s, 30 s and 5 min, exponential and heavy-tailed stays, honest and under the bots of {@link Attack}, all with the
 * broker's default settings, against the same build with the count's defences off and against plain corrected
 * two-choices. Each pace is warmed up over three stays and measured over twenty (at least 3 and 12 report
 * intervals), in virtual time. Writes {@code pace.md} into the output folder.
 *
 * <pre>
 * java -cp bench/target/bench.jar org.chatons.entraide.bench.Pace --out bench/results
 *   [--seeds 2] [--hosts 20] [--only REGEX] [--threads N] [--load 0.6]
 * </pre>
 */
@Command(name = "Pace", mixinStandardHelpOptions = true,
        description = "The count at every pace: stays, report intervals, honest and with bots.")
public final class Pace implements Callable<Integer> {

    static final List<Duration> STAYS = List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(1));
    static final int[] INTERVALS = {5, 30, 300};

    @Mixin RunOptions run = new RunOptions();
    @Option(names = "--hosts", paramLabel = "N", description = "hosts in the federation (default 20)")
    int hosts = 20;
    @Option(names = "--load", paramLabel = "SHARE", description = "mean load of the federation (default 0.6)")
    double load = 0.6;

    private Pace() {
        // Two seeds by default: the matrix is large.
        run.seeds = 2;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Pace()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        int seeds = run.seeds();
        List<Scenario> honest = new ArrayList<>();
        List<Scenario> attacked = new ArrayList<>();
        for (Duration stay : STAYS) {
            for (int interval : INTERVALS) {
                for (Sessions sessions : Sessions.values()) {
                    Scenario s = run.timed(Scenario.standard(hosts, 30, 1, sessions, load).atPace(stay, interval));
                    if (run.selects(s)) {
                        honest.add(s);
                    }
                }
                Scenario base = run.timed(Scenario.standard(hosts, 30, 1, Sessions.EXPONENTIAL, load)
                        .atPace(stay, interval));
                for (Bots bots : Attack.attacks()) {
                    Scenario s = base.withBots(bots, true);
                    if (bots.any() && run.selects(s)) {
                        attacked.add(s);
                    }
                }
            }
        }
        Contender defended = Contender.brokerDefault(Contender.DEFAULT_CHOICES);
        Contender off = Contender.undefended(Contender.DEFAULT_CHOICES);
        Contender plain = Contender.plainTwoChoices();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(run.threads());
        try {
            var honestRuns = Simulate.submit(pool, honest, s -> List.of(defended, off, plain), seeds);
            var attackRuns = Simulate.submit(pool, attacked, s -> List.of(defended, off), seeds);
            StringBuilder md = new StringBuilder("# The count at every pace\n\nWritten by `org.chatons.entraide.bench"
                    + ".Pace` (see BENCHMARKS.md): " + seeds + " seeds, " + hosts + " hosts, load "
                    + Math.round(load * 100) + " %, one broker, a flash crowd of 10 % of capacity a third into the"
                    + " measured time and 10 % of hosts crashing at two thirds; warmed up over 3 stays, measured over"
                    + " 20 (at least 3 and 12 report intervals).\n\n## Honest traffic\n\n"
                    + "| mean stay | reports every | stays | peak/mean: default | defences off | default - off"
                    + " | plain corrected two-choices | default - plain | within 0.01 of off, at or below plain"
                    + " | default: real users turned away below 85 % full | default: host-time over capacity |\n"
                    + "|---|---:|---|---:|---:|---:|---:|---:|---|---:|---:|\n");
            for (var e : honestRuns.entrySet()) {
                Scenario s = e.getKey();
                Summary ds = summary(s, defended, e.getValue());
                double d = ds.peakToMean();
                double o = summary(s, off, e.getValue()).peakToMean();
                double p = summary(s, plain, e.getValue()).peakToMean();
                md.append("| ").append(human(s.meanSession())).append(" | ").append(s.intervalSeconds()).append(" s | ")
                        .append(s.sessions() == Sessions.LOGNORMAL ? "heavy-tailed" : "exponential")
                        .append(fmt(" | %.3f", d)).append(fmt(" | %.3f", o)).append(fmt(" | %+.3f", d - o))
                        .append(fmt(" | %.3f", p)).append(fmt(" | %+.3f", d - p))
                        .append(d - o <= 0.01 && d <= p + 0.0005 ? " | yes" : " | **no**")
                        .append(fmt(" | %.1f", ds.turnedAwayBelowFull()))
                        .append(fmt(" | %.3f %% |\n", 100 * ds.overCapacityBelowShare()));
                System.out.printf("%-40s done after %.0f s%n", s.id(), (System.nanoTime() - started) / 1e9);
            }
            md.append("\n## With bots (and the flash crowd)\n\n| mean stay | reports every | bots | count"
                    + " | real users turned away below 85 % full | turned away | peak/mean"
                    + " | host-time over capacity below 85 % full | bot requests sent |\n"
                    + "|---|---:|---|---|---:|---:|---:|---:|---:|\n");
            for (var e : attackRuns.entrySet()) {
                Scenario s = e.getKey();
                for (Contender c : List.of(defended, off)) {
                    Summary r = summary(s, c, e.getValue());
                    md.append("| ").append(human(s.meanSession())).append(" | ").append(s.intervalSeconds())
                            .append(" s | ").append(s.bots().label()).append(" | ")
                            .append(c.defended() ? "**default**" : "defences off")
                            .append(fmt(" | %.1f", r.turnedAwayBelowFull())).append(fmt(" | %.1f", r.turnedAway()))
                            .append(fmt(" | %.3f", r.peakToMean()))
                            .append(fmt(" | %.3f %%", 100 * r.overCapacityBelowShare()))
                            .append(fmt(" | %.0f |\n", r.botsSent()));
                }
                System.out.printf("%-40s done after %.0f s%n", s.id(), (System.nanoTime() - started) / 1e9);
            }
            Files.createDirectories(run.out());
            Files.writeString(run.out().resolve("pace.md"), md.toString());
            System.out.printf("Wrote %s in %.0f s%n", run.out().resolve("pace.md"), (System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private static Summary summary(Scenario s, Contender c, Map<Contender, List<Future<RunResult>>> runs)
            throws Exception {
        List<RunResult> results = new ArrayList<>();
        for (Future<RunResult> f : runs.get(c)) {
            results.add(f.get());
        }
        return Summary.of(s, c, results);
    }

    private static String human(Duration d) {
        return d.toHours() > 0 ? d.toHours() + " h" : d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
