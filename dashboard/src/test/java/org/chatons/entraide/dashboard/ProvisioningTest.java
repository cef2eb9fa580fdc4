package org.chatons.entraide.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The pieces that must agree with each other without anything running: the datasource uid the dashboards use, the
 * paths docker-compose.yml mounts and Grafana's provider reads, the Prometheus jobs and targets, and the demo tokens
 * against their SHA-256 in members.yml.
 */
class ProvisioningTest {

    private final DashboardFiles files = DashboardFiles.locate();
    private final JsonNode compose = PromqlExpressions.read(PromqlExpressions.YAML, files.composeFile());

    private JsonNode yaml(String relative) {
        return PromqlExpressions.read(PromqlExpressions.YAML, files.root().resolve(relative));
    }

    /** The container path that docker-compose.yml mounts {@code hostPath} at in {@code service}, or null. */
    private String mountTarget(String service, String hostPath) {
        for (JsonNode volume : compose.path("services").path(service).path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[0].equals(hostPath)) {
                return parts[1];
            }
        }
        return null;
    }

    @Test
    void theDatasourceHasTheUidTheDashboardsUse() {
        JsonNode datasources = yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources");
        assertThat(datasources).hasSize(1);
        assertThat(datasources.get(0).path("uid").asText()).isEqualTo(Grafana.DATASOURCE_UID);
        assertThat(datasources.get(0).path("type").asText()).isEqualTo("prometheus");
        assertThat(datasources.get(0).path("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(compose.path("services").has("prometheus")).isTrue();
    }

    @Test
    void grafanaReadsTheDashboardsWhereComposeMountsThem() {
        JsonNode provider = yaml("grafana/provisioning/dashboards/entraide.yml").path("providers").get(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        String path = provider.path("options").path("path").asText();
        assertThat(mountTarget("grafana", "./dashboard/grafana/dashboards")).isEqualTo(path);
        assertThat(mountTarget("grafana", "./dashboard/grafana/provisioning")).isEqualTo("/etc/grafana/provisioning");
        String home = compose.path("services").path("grafana").path("environment")
                .path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText();
        assertThat(home).startsWith(path + "/");
        assertThat(files.dashboardsDir().resolve(home.substring(path.length() + 1))).exists();
    }

    @Test
    void prometheusScrapesTheBrokerAndTheAgentsOnTheirPaths() {
        assertThat(files.prometheusConfigs()).as("Prometheus configurations found").isNotEmpty();
        for (Path config : files.prometheusConfigs()) {
            Map<String, JsonNode> jobs = new TreeMap<>();
            PromqlExpressions.read(PromqlExpressions.YAML, config).path("scrape_configs")
                    .forEach(job -> jobs.put(job.path("job_name").asText(), job));
            assertThat(jobs).as(config.toString()).containsKeys("broker", "probe-agent");
            assertThat(jobs.get("broker").path("metrics_path").asText()).isEqualTo("/prometheus");
            assertThat(jobs.get("probe-agent").path("metrics_path").asText()).isEqualTo("/metrics");
            assertThat(PromqlExpressions.read(PromqlExpressions.YAML, config).path("rule_files").toString())
                    .as("%s loads the rules and not their tests", config).contains("rules/*.rules.yml");
        }
        assertThat(mountTarget("prometheus", "./dashboard/prometheus")).isEqualTo("/etc/prometheus");
    }

    @Test
    void composeTargetsAreComposeServices() {
        JsonNode prometheus = yaml("prometheus/prometheus.yml");
        List<String> targets = new ArrayList<>();
        prometheus.path("scrape_configs").forEach(job -> job.path("static_configs")
                .forEach(sc -> sc.path("targets").forEach(t -> targets.add(t.asText()))));
        List<String> hosts = targets.stream().map(t -> t.substring(0, t.indexOf(':')))
                .filter(host -> !host.equals("localhost")).toList();
        assertThat(hosts).as("targets by compose service name in %s", targets).isNotEmpty();
        for (String host : hosts) {
            assertThat(compose.path("services").has(host)).as("%s is a compose service", host).isTrue();
        }
    }

    @Test
    void everyFileComposeMountsExists() {
        Path repo = files.root().getParent();
        List<String> sources = new ArrayList<>();
        compose.path("services").forEach(service -> service.path("volumes").forEach(v -> {
            String source = v.asText().split(":")[0];
            if (source.startsWith("./dashboard/")) {
                sources.add(source);
            }
        }));
        assertThat(sources).as("files of this module that compose mounts").isNotEmpty();
        sources.forEach(source -> assertThat(repo.resolve(source)).as(source).exists());
    }

    @Test
    void demoTokensMatchTheirHashesInMembersYml() throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        yaml("compose/members.yml").path("members")
                .forEach(m -> hashes.put(m.path("id").asText(), m.path("token-sha256").asText()));
        int agents = 0;
        for (var service : (Iterable<Map.Entry<String, JsonNode>>) compose.path("services")::fields) {
            String token = service.getValue().path("environment").path("ENTRAIDE_TOKEN").asText(null);
            if (token == null) {
                continue;
            }
            agents++;
            assertThat(token).as("a demo token says it is one").contains("NOT-A-SECRET");
            String config = mountedSource(service.getValue(), "/etc/entraide/probe-agent.yml");
            JsonNode agent = PromqlExpressions.read(PromqlExpressions.YAML, files.root().getParent().resolve(config));
            String member = agent.path("member").asText();
            assertThat(hashes).as("%s's member %s is in members.yml", service.getKey(), member).containsKey(member);
            assertThat(sha256(token)).as("%s's token against members.yml", service.getKey()).isEqualTo(hashes.get(member));
            assertThat(agent.path("brokers").toString()).contains("http://broker:8080");
        }
        assertThat(agents).isGreaterThanOrEqualTo(1);
        String admin = compose.path("services").path("broker").path("environment")
                .path("BROKER_ADMIN_TOKEN_SHA256").asText();
        assertThat(admin).isEqualTo(sha256("demo-admin-token-NOT-A-SECRET"));
    }

    private static String mountedSource(JsonNode service, String target) {
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[1].equals(target)) {
                return parts[0];
            }
        }
        throw new AssertionError("nothing mounted at " + target);
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
