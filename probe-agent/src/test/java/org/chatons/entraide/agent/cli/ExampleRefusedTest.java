package org.chatons.entraide.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent never runs on the example configuration (what the Debian package installs), whatever the command. */
class ExampleRefusedTest {

    @TempDir
    Path dir;
    final Console console = new Console(Map.of());

    @Test
    void theExampleStopsCheckAndRunWithOneLineAndStatus2() throws Exception {
        Path config = Files.copy(Path.of("probe-agent.example.yml"), dir.resolve("probe-agent.yml"));
        Files.writeString(dir.resolve("probe-agent.token"), "a-token");

        String refusal = config + " is still the example: set your member id, your brokers and your hosts in it"
                + " (probe-agent(1)), then start again";

        assertThat(console.run("check", "--config-only", "-c", config.toString())).isEqualTo(2);
        assertThat(console.err.toString().lines()).containsExactly(refusal);
        assertThat(console.run("run", "-c", config.toString())).isEqualTo(2);
        assertThat(console.err.toString().lines()).startsWith(refusal, refusal);
    }

    @Test
    void theExampleOnceEditedIsTaken() throws Exception {
        Path config = dir.resolve("probe-agent.yml");
        Files.writeString(config, Files.readString(Path.of("probe-agent.example.yml"))
                .replace("member: alpha ", "member: beta  "));
        Files.writeString(dir.resolve("probe-agent.token"), "a-token");
        Files.writeString(dir.resolve("nextcloud.token"), "nc-token");

        assertThat(console.run("check", "--config-only", "-c", config.toString())).as(console.err.toString()).isZero();
    }
}
