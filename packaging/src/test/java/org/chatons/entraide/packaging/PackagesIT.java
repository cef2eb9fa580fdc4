package org.chatons.entraide.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code check.sh} and {@code container-check.sh} on the packages this module just built, so that
 * {@code ./mvnw -B verify} fails when a package or a unit regresses: lintian, systemd-analyze verify and security,
 * an install, upgrade, remove and purge in a throwaway root, and both services started for real under systemd in
 * a throwaway container. Skips with the script's reason where a tool is missing or the build is not root
 * ({@code .ci/run} installs the tools).
 */
class PackagesIT {

    /** What check.sh exits with when it cannot run here, after one line saying why. */
    static final int SKIPPED = 77;

    @Test
    void packagesPassLintianTheUnitChecksAndAnInstallUpgradeAndPurge() throws Exception {
        String output = runPassing("check.sh");

        assertThat(output).contains("Overall exposure level for entraide-probe-agent.service")
                .contains("Overall exposure level for entraide-broker.service")
                .contains("install: ", "upgrade: ", "remove: ").contains("purge: nothing left")
                .contains("All package checks passed.");
    }

    @Test
    void bothServicesRunUnderARealSystemd() throws Exception {
        String output = runPassing("container-check.sh");

        assertThat(output).contains("All checks under systemd passed.");
    }

    /** Runs a script of this module; skips with its reason when it cannot run here, fails with its output. */
    private static String runPassing(String script) throws Exception {
        Path log = Files.createTempFile("entraide-packages", ".log");
        Process check = new ProcessBuilder("bash", Path.of(script).toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = check.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            check.destroy();
            check.waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);

        assertThat(finished).as("%s finished within 10 minutes:%n%s", script, output).isTrue();
        Assumptions.assumeTrue(check.exitValue() != SKIPPED, output.strip());
        assertThat(check.exitValue()).as("%s output:%n%s", script, output).isZero();
        return output;
    }
}
