package org.chatons.entraide.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interval and the timeout: one duration syntax, the broker's, and a timeout shorter than the interval. */
class ConfigTimesTest {

    static final String ISSUE_EXAMPLE = ConfigLoaderTest.ISSUE_EXAMPLE;
    final ConfigLoader loader = new ConfigLoader(ConfigLoaderTest.SOFTWARE);
    final Path file = Path.of("/etc/entraide/probe-agent.yml");

    /** The README says the timeout is shorter than the interval: the default 5 s too. */
    @Test
    void theDefaultTimeoutIsRefusedWithAnIntervalNoLongerThanIt() throws Exception {
        String noTimeout = ISSUE_EXAMPLE.replace("timeout: 5s                          # per probe\n", "");

        assertThat(problems(noTimeout.replace("interval: 30s", "interval: 5s"))).containsExactly(
                "probe-agent.yml line 4: timeout: must be shorter than interval (5s), and is 5s when not given: set a"
                        + " shorter one, such as 2s");
        assertThat(loader.parse(noTimeout.replace("interval: 30s", "interval: 6s"), file).timeout())
                .isEqualTo(Duration.ofSeconds(5));
    }

    /** Micronaut's syntax, the broker's: what the agent took before (30s, 500ms, 2m, 1h) and days or ISO-8601. */
    @Test
    void durationsAreWrittenAsInTheBrokersSettings() throws Exception {
        assertThat(loader.parse(ISSUE_EXAMPLE.replace("interval: 30s", "interval: PT1M"), file).interval())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(loader.parse(ISSUE_EXAMPLE.replace("timeout: 5s", "timeout: 1500ms"), file).timeout())
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(problems(ISSUE_EXAMPLE.replace("timeout: 5s", "timeout: 5 s"))).containsExactly(
                "probe-agent.yml line 5: timeout: must be a duration such as 30s, 500ms or 2m, got '5 s'");
    }

    /** The same file name and software as {@link ConfigLoaderTest}'s. */
    static List<String> problems(String text) {
        return new ConfigLoaderTest().problems(text);
    }
}
