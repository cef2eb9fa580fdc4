package org.chatons.entraide.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
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
        // Compared with files it has just written, this test could not fail: a run that writes compares nothing.
        Assumptions.assumeFalse(Boolean.getBoolean(WRITE), "the dashboards were just written from the generator "
                + "(-D" + WRITE + "=true): review and commit them, then run this test without that setting");
        Path dir = DashboardFiles.locate().dashboardsDir();
        Map<String, String> generated = DashboardGenerator.generate();
        assertThat(generated).as("dashboards the generator writes").isNotEmpty();
        for (Map.Entry<String, String> file : generated.entrySet()) {
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
