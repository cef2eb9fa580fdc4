package org.chatons.entraide.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.chatons.entraide.bench.sim.Scenario;

/**
 * The options every simulator runner takes: where to write ({@code --out}, bench/results), how many seeds
 * ({@code --seeds}, 5), on how many threads ({@code --threads}, one per core), and {@code --minutes WARMUP:MEASURED}
 * to shorten the scenarios.
 */
record RunOptions(Map<String, String> options, Path out, int seeds, int threads) {

    static RunOptions of(String[] args) {
        Map<String, String> options = Simulate.options(args);
        return new RunOptions(options, Path.of(options.getOrDefault("out", "bench/results")),
                Integer.parseInt(options.getOrDefault("seeds", "5")),
                Integer.parseInt(options.getOrDefault("threads",
                        String.valueOf(Runtime.getRuntime().availableProcessors()))));
    }

    /** The scenario with the times of {@code --minutes}, when given. */
    Scenario timed(Scenario scenario) {
        if (!options.containsKey("minutes")) {
            return scenario;
        }
        String[] m = options.get("minutes").split(":");
        return scenario.withTimes(Duration.ofMinutes(Long.parseLong(m[0])), Duration.ofMinutes(Long.parseLong(m[1])));
    }

    String get(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
