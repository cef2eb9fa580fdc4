package org.chatons.entraide.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the files of {@code dashboard/} are, for tests that run from Maven (any working directory) or an IDE.
 * The folder is the system property {@code entraide.dashboard.dir} (set by the pom), else the working directory or
 * its {@code dashboard/} child, whichever holds {@code grafana/dashboards}.
 */
public final class DashboardFiles {

    private final Path root;

    private DashboardFiles(Path root) {
        this.root = root;
    }

    /** The {@code dashboard/} folder of this checkout. */
    public static DashboardFiles locate() {
        String configured = System.getProperty("entraide.dashboard.dir");
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured))
                : List.of(Path.of(""), Path.of("dashboard"));
        for (Path candidate : candidates) {
            Path absolute = candidate.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute.resolve("grafana/dashboards"))) {
                return new DashboardFiles(absolute);
            }
        }
        throw new IllegalStateException("no grafana/dashboards under " + candidates
                + ": run from the repository or dashboard/, or set -Dentraide.dashboard.dir");
    }

    public Path root() {
        return root;
    }

    /** The folder Grafana's file provider reads: one JSON file per dashboard. */
    public Path dashboardsDir() {
        return root.resolve("grafana/dashboards");
    }

    /** The provisioning folder mounted as /etc/grafana/provisioning. */
    public Path provisioningDir() {
        return root.resolve("grafana/provisioning");
    }

    public Path prometheusDir() {
        return root.resolve("prometheus");
    }

    /** The repository's docker-compose.yml. */
    public Path composeFile() {
        return root.resolve("../docker-compose.yml").normalize();
    }

    /** Every dashboard JSON file, sorted by name. */
    public List<Path> dashboards() {
        return list(dashboardsDir(), ".json");
    }

    /** Every rules file Prometheus loads ({@code rules/*.rules.yml}), sorted by name. */
    public List<Path> rules() {
        return list(prometheusDir().resolve("rules"), ".rules.yml");
    }

    /** Every promtool unit test file ({@code tests/*.test.yml}), sorted by name. */
    public List<Path> ruleTests() {
        return list(prometheusDir().resolve("tests"), ".test.yml");
    }

    /** Every Prometheus configuration ({@code prometheus*.yml}), sorted by name. */
    public List<Path> prometheusConfigs() {
        return list(prometheusDir(), ".yml").stream()
                .filter(p -> p.getFileName().toString().startsWith("prometheus"))
                .toList();
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
