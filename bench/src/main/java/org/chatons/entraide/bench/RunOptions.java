package org.chatons.entraide.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.chatons.entraide.bench.sim.Scenario;
import picocli.CommandLine.Option;

/**
 * The options every simulator runner takes, read by picocli (a mixin of each runner's command): where to write
 * ({@code --out}, bench/results), how many seeds ({@code --seeds}, 5), on how many threads ({@code --threads}, one
 * per core), {@code --minutes WARMUP:MEASURED} to shorten the scenarios and {@code --only REGEX} to run some.
 */
final class RunOptions {

    @Option(names = "--out", paramLabel = "DIR", description = "where the results are written (default bench/results)")
    Path out = Path.of("bench/results");
    @Option(names = "--seeds", paramLabel = "N", description = "runs of each scenario, one seed each (default 5)")
    int seeds = 5;
    @Option(names = "--threads", paramLabel = "N", description = "runs at once (default: one per core)")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--minutes", paramLabel = "WARMUP:MEASURED", description = "shorter scenarios, in minutes")
    String minutes;
    @Option(names = "--only", paramLabel = "REGEX", description = "only the scenarios whose id matches")
    Pattern only = Pattern.compile(".*");

    Path out() {
        return out;
    }

    int seeds() {
        return seeds;
    }

    int threads() {
        return threads;
    }

    /** Whether {@code --only} takes the scenario. */
    boolean selects(Scenario scenario) {
        return only.matcher(scenario.id()).find();
    }

    /** The scenario with the times of {@code --minutes}, when given. */
    Scenario timed(Scenario scenario) {
        if (minutes == null) {
            return scenario;
        }
        String[] m = minutes.split(":");
        return scenario.withTimes(Duration.ofMinutes(Long.parseLong(m[0])), Duration.ofMinutes(Long.parseLong(m[1])));
    }
}
