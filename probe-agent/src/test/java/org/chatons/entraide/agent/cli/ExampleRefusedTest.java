package org.chatons.entraide.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The agent never runs on the example configuration (what the Debian package installs), whatever the command. */
class ExampleRefusedTest {

    @TempDir
    Path dir;
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine line = ProbeAgentCommand.commandLine(Map.of(), Clock.systemUTC());
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void theExampleStopsCheckAndRunWithOneLineAndStatus2() throws Exception {
        Path config = Files.copy(Path.of("probe-agent.example.yml"), dir.resolve("probe-agent.yml"));
        Files.writeString(dir.resolve("probe-agent.token"), "a-token");

        String refusal = config + " is still the example: set your member id, your brokers and your hosts in it"
                + " (probe-agent(1)), then start again";

        assertThat(run("check", "--config-only", "-c", config.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(refusal);
        assertThat(run("run", "-c", config.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).startsWith(refusal, refusal);
    }

    @Test
    void theExampleOnceEditedIsTaken() throws Exception {
        Path config = dir.resolve("probe-agent.yml");
        Files.writeString(config, Files.readString(Path.of("probe-agent.example.yml"))
                .replace("member: alpha ", "member: beta  "));
        Files.writeString(dir.resolve("probe-agent.token"), "a-token");
        Files.writeString(dir.resolve("nextcloud.token"), "nc-token");

        assertThat(run("check", "--config-only", "-c", config.toString())).as(err.toString()).isZero();
    }
}
