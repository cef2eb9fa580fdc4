package org.chatons.entraide.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chatons.entraide.bench.report.LocalityTables;
import org.chatons.entraide.bench.sim.Contender;
import org.chatons.entraide.bench.sim.Countries;
import org.chatons.entraide.bench.sim.Locality;
import org.chatons.entraide.bench.sim.LocalityResult;
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
 * The locality scenario (BENCHMARKS.md §7): members in four countries with uneven capacity, people arriving from
 * each in given shares ({@link Countries#standard()}); the broker's default policy choosing as today (no
 * preference) and preferring the person's country with each tolerance given, on the same hosts and people. Writes
 * {@code locality.md} into the output folder.
 *
 * <pre>
 * java -cp bench/target/bench.jar org.chatons.entraide.bench.SimulateNear --out bench/results
 *   [--seeds 5] [--brokers 1,4] [--tolerances 0.1,0.25,0.4] [--threads N] [--minutes WARMUP:MEASURED]
 * </pre>
 */
@Command(name = "SimulateNear", mixinStandardHelpOptions = true,
        description = "Locality: people sent near them, with each tolerance of the near choice.")
public final class SimulateNear implements Callable<Integer> {

    /** One run's results. */
    private record Done(RunResult balance, LocalityResult near) {
    }

    @Mixin RunOptions run = new RunOptions();
    @Option(names = "--tolerances", paramLabel = "T,...", description = "the near choice's tolerances")
    String tolerances = "0.1,0.25,0.4";
    @Option(names = "--brokers", paramLabel = "N,...", description = "how many brokers, one scenario each")
    String brokers = "1,4";

    private SimulateNear() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulateNear()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Countries countries = Countries.standard();
        List<Locality> localities = new ArrayList<>(List.of(new Locality(countries, false, 0)));
        for (String t : tolerances.split(",")) {
            localities.add(new Locality(countries, true, Double.parseDouble(t)));
        }
        Contender contender = Contender.brokerDefault(Contender.DEFAULT_CHOICES);
        Files.createDirectories(run.out());

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(run.threads());
        Map<Scenario, Map<Locality, List<Future<Done>>>> futures = new LinkedHashMap<>();
        for (String b : brokers.split(",")) {
            Scenario base = Scenario.standard(50, 30, Integer.parseInt(b), Sessions.EXPONENTIAL, 0.6);
            Scenario s = run.timed(new Scenario("near-" + base.id(), base.hosts(), base.intervalSeconds(),
                    base.brokers(), base.sessions(), base.offeredLoad(), base.flashFraction(), base.crashFraction(),
                    base.warmUp(), base.measured(), base.bots()));
            if (!run.selects(s)) {
                continue;
            }
            Map<Locality, List<Future<Done>>> byLocality = new LinkedHashMap<>();
            for (Locality locality : localities) {
                List<Future<Done>> runs = new ArrayList<>();
                for (int seed = 1; seed <= run.seeds(); seed++) {
                    long fixedSeed = seed;
                    Scenario scenario = s;
                    runs.add(pool.submit(() -> {
                        Simulation simulation = new Simulation(scenario, contender, fixedSeed, locality);
                        RunResult balance = simulation.run();
                        return new Done(balance, simulation.locality());
                    }));
                }
                byLocality.put(locality, runs);
            }
            futures.put(s, byLocality);
        }

        StringBuilder md = new StringBuilder("# Locality: people sent near them\n\n")
                .append("Written by `org.chatons.entraide.bench.SimulateNear` (see BENCHMARKS.md): ").append(run.seeds())
                .append(" seeds; the broker's default policy (").append(contender.label()).append("), as in the")
                .append(" standard scenarios but with members in four countries and people from each.\n");
        for (var entry : futures.entrySet()) {
            Scenario s = entry.getKey();
            List<LocalityTables.Row> rows = new ArrayList<>();
            for (var byLocality : entry.getValue().entrySet()) {
                List<RunResult> balance = new ArrayList<>();
                List<LocalityResult> near = new ArrayList<>();
                for (Future<Done> f : byLocality.getValue()) {
                    balance.add(f.get().balance());
                    near.add(f.get().near());
                }
                rows.add(new LocalityTables.Row(byLocality.getKey(), Summary.of(s, contender, balance), near));
            }
            md.append("\n## ").append(s.describe()).append(", four countries\n\n")
                    .append(LocalityTables.choices(rows, countries)).append('\n')
                    .append(LocalityTables.countries(rows, countries));
            System.out.printf("%-28s done after %.0f s%n", s.id(), (System.nanoTime() - started) / 1e9);
        }
        pool.shutdown();
        Files.writeString(run.out().resolve("locality.md"), md.toString());
        System.out.printf("Wrote %s in %.0f s%n", run.out().resolve("locality.md"), (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
