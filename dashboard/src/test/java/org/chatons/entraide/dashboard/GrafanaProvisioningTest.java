package org.chatons.entraide.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.chatons.entraide.agent.DockerAvailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * A real Grafana, the image docker-compose.yml runs, with the provisioning and dashboards where compose mounts
 * them: the datasource is there and every dashboard loads, with panel types this Grafana knows. Needs
 * Docker; skipped cleanly without it.
 */
@ExtendWith(DockerAvailable.class)
@Testcontainers
class GrafanaProvisioningTest {

    private static final DashboardFiles FILES = DashboardFiles.locate();
    private static final String ADMIN_PASSWORD = "entraide-test";

    @Container
    static final GenericContainer<?> GRAFANA = new GenericContainer<>(grafanaImage())
            .withExposedPorts(3000)
            // Copied rather than bind-mounted, so the test also works against a remote Docker daemon.
            .withCopyFileToContainer(MountableFile.forHostPath(FILES.provisioningDir()), "/etc/grafana/provisioning")
            .withCopyFileToContainer(MountableFile.forHostPath(FILES.dashboardsDir()), providerPath())
            .withEnv("GF_SECURITY_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .withEnv("GF_ANALYTICS_REPORTING_ENABLED", "false")
            .withEnv("GF_ANALYTICS_CHECK_FOR_UPDATES", "false")
            .waitingFor(Wait.forHttp("/api/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

    private final HttpClient http = HttpClient.newHttpClient();

    /** The image and tag of the grafana service in docker-compose.yml, so both use the same Grafana. */
    static String grafanaImage() {
        return PromqlExpressions.read(PromqlExpressions.YAML, FILES.composeFile())
                .path("services").path("grafana").path("image").asText();
    }

    static String providerPath() {
        return PromqlExpressions.read(PromqlExpressions.YAML,
                        FILES.provisioningDir().resolve("dashboards/entraide.yml"))
                .path("providers").get(0).path("options").path("path").asText();
    }

    private JsonNode get(String path) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create("http://" + GRAFANA.getHost() + ":" + GRAFANA.getMappedPort(3000) + path);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Basic " + auth)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return PromqlExpressions.JSON.readTree(response.body());
    }

    @Test
    void theDatasourceIsProvisioned() throws Exception {
        JsonNode datasource = get("/api/datasources/uid/" + Grafana.DATASOURCE_UID);
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
    }

    @Test
    void everyDashboardLoadsWithPanelsThisGrafanaKnows() throws Exception {
        Set<String> panelPlugins = new HashSet<>();
        get("/api/plugins?type=panel").forEach(p -> panelPlugins.add(p.path("id").asText()));
        panelPlugins.add("row");

        Set<String> provisioned = new HashSet<>();
        get("/api/search?type=dash-db&tag=entraide").forEach(d -> provisioned.add(d.path("uid").asText()));

        for (Path file : FILES.dashboards()) {
            JsonNode committed = PromqlExpressions.read(PromqlExpressions.JSON, file);
            String uid = committed.path("uid").asText();
            assertThat(provisioned).as("%s was provisioned", file.getFileName()).contains(uid);
            JsonNode loaded = get("/api/dashboards/uid/" + uid);
            assertThat(loaded.path("meta").path("provisioned").asBoolean()).as(uid).isTrue();
            JsonNode dashboard = loaded.path("dashboard");
            assertThat(dashboard.path("title").asText()).isEqualTo(committed.path("title").asText());
            assertThat(dashboard.path("panels")).hasSameSizeAs(committed.path("panels"));
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(panelPlugins).as("%s: panel type of \"%s\"", uid, panel.path("title").asText())
                        .contains(panel.path("type").asText());
            }
        }
        assertThat(GRAFANA.getLogs()).as("Grafana's log while provisioning")
                .doesNotContainIgnoringCase("failed to load dashboard")
                .doesNotContainIgnoringCase("failed to provision");
    }
}
