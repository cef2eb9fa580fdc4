package org.chatons.entraide.agent.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.chatons.entraide.agent.ProbeAgent;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.agent.metrics.MetricsServer;
import org.chatons.entraide.agent.reporting.PushPolicy;
import picocli.CommandLine.Command;

/**
 * {@code run}: measures and reports until stopped (SIGTERM, Ctrl-C). The metrics listen on 127.0.0.1 unless the
 * environment's PROBE_AGENT_METRICS_ADDRESS names another address (0.0.0.0 in a container).
 */
@Command(name = "run", description = "Measure the hosts and report to the brokers until stopped (the default).")
public final class RunCommand extends AgentCommand {

    RunCommand(Map<String, String> env, Clock clock) {
        super(env, clock);
    }

    @Override
    public Integer call() throws Exception {
        Loaded loaded = load(true);
        if (loaded == null) {
            spec.commandLine().getErr().println("The agent did not start.");
            return Loaded.CONFIG_ERROR;
        }
        AgentConfig agentConfig = loaded.config();
        PrometheusMeterRegistry meters = AgentMetrics.prometheusRegistry();
        InetAddress address = InetAddress.getByName(env.getOrDefault("PROBE_AGENT_METRICS_ADDRESS", "127.0.0.1"));
        MetricsServer server;
        try {
            server = agentConfig.metricsPort() == 0 ? null : MetricsServer.start(address, agentConfig.metricsPort(), meters);
        } catch (IOException e) {
            spec.commandLine().getErr().println(agentConfig.file().getFileName() + ": metrics-port: cannot listen on "
                    + address.getHostAddress() + ":" + agentConfig.metricsPort() + " (" + e.getMessage() + ")");
            spec.commandLine().getErr().println("The agent did not start.");
            return Loaded.CONFIG_ERROR;
        }
        ProbeAgent agent = new ProbeAgent(agentConfig, loaded.credentials(), loaded.adapters(), clock, PushPolicy.standard(), meters,
                ProbeAgent.Cadence.of(agentConfig));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            if (server != null) {
                server.close();
            }
            stopped.countDown();
        }, "shutdown"));
        agent.start();
        if (server != null) {
            spec.commandLine().getOut().println("Metrics on http://" + address.getHostAddress() + ":" + server.port() + "/metrics");
            spec.commandLine().getOut().flush();
        }
        stopped.await();
        return 0;
    }
}
