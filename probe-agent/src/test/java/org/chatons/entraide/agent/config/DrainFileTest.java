package org.chatons.entraide.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrainFileTest {

    @Test
    void drainedHostsLiveInAFileBesideTheConfiguration(@TempDir Path dir) throws Exception {
        DrainFile file = DrainFile.beside(dir.resolve("probe-agent.yml"));

        assertThat(file.path()).isEqualTo(dir.resolve("probe-agent.drained"));
        assertThat(file.read()).isEmpty();
        assertThat(file.set("pad-1", true)).isTrue();
        assertThat(file.set("cloud", true)).isTrue();
        assertThat(file.set("pad-1", true)).as("already drained").isFalse();
        assertThat(file.read()).containsExactly("cloud", "pad-1");
        assertThat(file.set("pad-1", false)).isTrue();
        assertThat(file.read()).containsExactly("cloud");
        assertThat(Files.readString(file.path())).contains("cloud\n");
    }
}
