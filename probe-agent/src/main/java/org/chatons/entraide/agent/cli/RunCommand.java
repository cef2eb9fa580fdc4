package org.chatons.entraide.agent.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.chatons.entraide.agent.ProbeAgent;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.agent.metrics.MetricsServer;
import org.chatons.entraide.agent.reporting.PushPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code run}: measures and reports until stopped (SIGTERM, Ctrl-C). The metrics listen on 127.0.0.1 unless the
 * environment's PROBE_AGENT_METRICS_ADDRESS names another address (0.0.0.0 in a container).
 */
@Command(name = "run", description = "Measure the hosts and report to the brokers until stopped (the default).")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Clock clock;

    RunCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        Loaded loaded = Loaded.load(config.file(), env, true, spec.commandLine().getErr());
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
