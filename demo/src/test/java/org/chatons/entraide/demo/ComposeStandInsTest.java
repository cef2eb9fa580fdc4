package org.chatons.entraide.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chatons.entraide.agent.adapters.AdapterRegistry;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.ConfigLoader;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.demo.standins.Simulation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml's agents probe the stand-ins that {@code demo.jar --stand-ins-only} starts: each host they
 * send to the {@code demo} container must have a stand-in of the same software on the same port.
 */
class ComposeStandInsTest {

    @Test
    void everyComposeHostProbedInTheDemoContainerHasItsStandIn() throws Exception {
        Path compose = Path.of("../dashboard/compose");
        Assumptions.assumeTrue(Files.isDirectory(compose), "no dashboard/compose folder beside this module");
        ConfigLoader loader = new ConfigLoader(AdapterRegistry.discover().names());
        List<Simulation.Spec> specs = DemoMain.composeSpecs();
        int checked = 0;
        try (var files = Files.list(compose)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("probe-agent-")).toList()) {
                AgentConfig config = loader.load(file);
                for (HostConfig host : config.hosts()) {
                    if (!"demo".equals(host.probeUrl().getHost())) {
                        continue;
                    }
                    assertThat(specs).as(file + ": " + host.id())
                            .anyMatch(s -> s.port() == host.probeUrl().getPort() && s.software().equals(host.software()));
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
        String composeFile = Files.readString(Path.of("../docker-compose.yml"));
        specs.stream().filter(s -> s.secret() != null)
                .forEach(s -> assertThat(composeFile).contains("NC_TOKEN: " + s.secret()));
    }
}
