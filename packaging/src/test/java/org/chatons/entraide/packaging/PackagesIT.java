package org.chatons.entraide.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code check.sh} on the packages this module just built, so that {@code ./mvnw -B verify} fails when a
 * package or a unit regresses: lintian, systemd-analyze verify and security, and an install, upgrade, remove and
 * purge in a throwaway root. Skips with the script's reason where a tool is missing or the build is not root
 * ({@code .ci/run} installs the tools).
 */
class PackagesIT {

    /** What check.sh exits with when it cannot run here, after one line saying why. */
    static final int SKIPPED = 77;

    @Test
    void packagesPassLintianTheUnitChecksAndAnInstallUpgradeAndPurge() throws Exception {
        Path log = Files.createTempFile("entraide-packages", ".log");
        Process check = new ProcessBuilder("bash", Path.of("check.sh").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = check.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            check.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);

        assertThat(finished).as("check.sh finished within 10 minutes:%n%s", output).isTrue();
        Assumptions.assumeTrue(check.exitValue() != SKIPPED, output.strip());
        assertThat(check.exitValue()).as("check.sh output:%n%s", output).isZero();
        assertThat(output).contains("Overall exposure level for entraide-probe-agent.service")
                .contains("Overall exposure level for entraide-broker.service")
                .contains("install: ", "upgrade: ", "remove: ").contains("purge: nothing left")
                .contains("All package checks passed.");
    }
}
