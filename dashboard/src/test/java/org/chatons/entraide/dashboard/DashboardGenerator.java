package org.chatons.entraide.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes the committed dashboards (grafana/dashboards/*.json) from {@link FederationDashboard},
 * {@link HostDashboard} and {@link BrokerDashboard}. The JSON files are what Grafana loads; this only saves writing
 * the same panel three dozen times. {@code GeneratedDashboardsTest} fails when a file differs from what this
 * generates, and rewrites them with {@code -Dentraide.dashboards.write=true}.
 */
final class DashboardGenerator {

    /** File name, in grafana/dashboards/, to the dashboard it holds. */
    static final Map<String, Supplier<ObjectNode>> DASHBOARDS = new LinkedHashMap<>();

    static {
        DASHBOARDS.put("federation.json", FederationDashboard::build);
        DASHBOARDS.put("host.json", HostDashboard::build);
        DASHBOARDS.put("broker.json", BrokerDashboard::build);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private DashboardGenerator() {
    }

    /** The text of each dashboard file, as committed: two-space indents, a final newline. */
    static Map<String, String> generate() {
        Map<String, String> files = new LinkedHashMap<>();
        DASHBOARDS.forEach((name, build) -> {
            try {
                files.put(name, JSON.writer(PRINTER).writeValueAsString(build.get()) + "\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(name, e);
            }
        });
        return files;
    }

    /** Writes every dashboard into {@code dir}. */
    static void write(Path dir) throws IOException {
        for (Map.Entry<String, String> file : generate().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = DashboardFiles.locate().dashboardsDir();
        write(dir);
        System.out.println("wrote " + DASHBOARDS.keySet() + " in " + dir);
    }
}
