package org.chatons.entraide.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code check.sh} (promtool check config, check rules, test rules; docker-compose config) as part of the
 * test suite, so the one test command checks the alert rules too. Skips, saying why, without the tools.
 */
class StaticChecksTest {

    /** Whether an executable of that name is in one of PATH's folders, as the shell would find it. */
    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }

    @Test
    void promtoolAndDockerComposeAcceptEverything() throws Exception {
        Assumptions.assumeTrue(onPath("promtool"), "promtool not installed (apt-get install prometheus)");
        Assumptions.assumeTrue(onPath("docker-compose") || onPath("docker"),
                "docker-compose not installed (apt-get install docker-compose)");

        Process check = new ProcessBuilder("bash", Path.of("check.sh").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        boolean finished = check.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            // Stopped before its output is read: reading it first would wait for the script to end.
            check.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).as("check.sh finished within 2 minutes").isTrue();
        assertThat(check.exitValue()).as("check.sh output:%n%s", output).isZero();
        assertThat(output).contains("promtool test rules").contains("SUCCESS");
    }
}
