package org.chatons.entraide.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed dashboards are exactly what the generator writes, so the two cannot drift apart. */
class GeneratedDashboardsTest {

    private static final String WRITE = "entraide.dashboards.write";

    @BeforeAll
    static void writeWhenAsked() throws IOException {
        if (Boolean.getBoolean(WRITE)) {
            DashboardGenerator.write(DashboardFiles.locate().dashboardsDir());
        }
    }

    @Test
    void committedDashboardsAreTheGeneratedOnes() throws IOException {
        Path dir = DashboardFiles.locate().dashboardsDir();
        for (Map.Entry<String, String> file : DashboardGenerator.generate().entrySet()) {
            Path path = dir.resolve(file.getKey());
            assertThat(path).as("%s is missing: regenerate with -D%s=true", path, WRITE).exists();
            assertThat(Files.readString(path))
                    .as("%s differs from what DashboardGenerator writes: edit the generator, not the JSON, then "
                            + "./mvnw -q -B -pl dashboard -am test -Dtest=GeneratedDashboardsTest "
                            + "-Dsurefire.failIfNoSpecifiedTests=false -D%s=true", path, WRITE)
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void everyDashboardFileComesFromTheGenerator() {
        assertThat(DashboardFiles.locate().dashboards())
                .extracting(p -> p.getFileName().toString())
                .as("a JSON file in grafana/dashboards/ that the generator does not write would never be checked "
                        + "against it")
                .containsExactlyInAnyOrderElementsOf(DashboardGenerator.DASHBOARDS.keySet());
    }
}
