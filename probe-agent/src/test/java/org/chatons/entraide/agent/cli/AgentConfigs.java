package org.chatons.entraide.agent.cli;

/** Lines of the agent's configuration that the command tests share. */
final class AgentConfigs {

    private AgentConfigs() {
    }

    /** The host pad-1, an Etherpad probed at {@code probeUrl}, as an item of {@code hosts:} (no final line break). */
    static String padHost(Object probeUrl) {
        return String.join("\n", "  - id: pad-1", "    service: pad", "    software: etherpad",
                "    url: http://localhost:9001/", "    probe-url: " + probeUrl, "    capacity-users: 200");
    }
}
