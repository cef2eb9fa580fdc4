package org.chatons.entraide.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How to start a demo federation.
 *
 * @param speed           simulated seconds per real second: 1 for people, 10 or more for tests. Agents report every
 *                        10 s / speed in whole seconds, at least the 5 s brokers take, and hosts go stale after
 *                        three of those
 * @param brokerPort      the broker's port; 0 for a free one
 * @param firstMetricsPort the first agent's metrics port, the next ones following; 0 for free ones
 * @param workDir         where the members file, agents' configurations and logs are written
 * @param brokerJar       the broker's jar
 * @param agentJar        the probe agent's jar
 * @param seed            the seed of the simulated lives, so a run can be replayed
 * @param events          where the simulation's events are told ("garenne/pad-1 goes down for 45 s")
 */
public record FederationOptions(double speed, int brokerPort, int firstMetricsPort, Path workDir, Path brokerJar,
                                Path agentJar, long seed, Consumer<String> events) {

    /** The newcomer's demo: real time, broker on 8080, agents' metrics from 9464, files under .demo/. */
    public static FederationOptions defaults() {
        return new FederationOptions(1, 8080, 9464, Path.of(".demo"), locate("broker/target/broker.jar"),
                locate("probe-agent/target/probe-agent.jar"), 42, event -> { });
    }

    /** For tests: fast, on free ports, in the given folder. */
    public static FederationOptions forTests(Path workDir) {
        return defaults().withSpeed(10).withPorts(0, 0).withWorkDir(workDir);
    }

    public FederationOptions withSpeed(double value) {
        return new FederationOptions(value, brokerPort, firstMetricsPort, workDir, brokerJar, agentJar, seed, events);
    }

    public FederationOptions withPorts(int broker, int firstMetrics) {
        return new FederationOptions(speed, broker, firstMetrics, workDir, brokerJar, agentJar, seed, events);
    }

    public FederationOptions withWorkDir(Path value) {
        return new FederationOptions(speed, brokerPort, firstMetricsPort, value, brokerJar, agentJar, seed, events);
    }

    public FederationOptions withJars(Path broker, Path agent) {
        return new FederationOptions(speed, brokerPort, firstMetricsPort, workDir, broker, agent, seed, events);
    }

    public FederationOptions withSeed(long value) {
        return new FederationOptions(speed, brokerPort, firstMetricsPort, workDir, brokerJar, agentJar, value, events);
    }

    public FederationOptions withEvents(Consumer<String> value) {
        return new FederationOptions(speed, brokerPort, firstMetricsPort, workDir, brokerJar, agentJar, seed, value);
    }

    /**
     * Finds a built jar from the current folder or one of its parents, so the demo runs from the repository's root
     * as the README says and from a module's folder as Maven runs tests.
     */
    public static Path locate(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return Path.of(relative).toAbsolutePath();
    }
}
