package org.chatons.entraide.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.demo.standins.Apis;
import org.chatons.entraide.demo.standins.Simulation;
import org.chatons.entraide.demo.standins.StandIn;
import org.chatons.entraide.protocol.WireRules;

/**
 * A whole federation on one machine: the stand-ins of every member's services (in this process), the broker
 * ({@code java -jar broker.jar}) and one probe agent per member ({@code java -jar probe-agent.jar run}), with
 * generated tokens, members file and agent configurations. {@link #close()} stops every child.
 *
 * <pre>{@code
 * try (Federation federation = Federation.start(FederationOptions.forTests(dir))) {
 *     URI api = federation.brokerUrl().resolve("/api/v1/services/pad/hosts");
 * }
 * }</pre>
 */
public final class Federation implements AutoCloseable {

    /** NC-Token of the Nextcloud stand-ins. */
    static final String NC_TOKEN = "demo-nc-token";
    /** How the agents' JVMs are started: the agent's memory budget (96 MiB resident) needs the small flags too. */
    static final List<String> AGENT_JVM = List.of("-Xmx48m", "-Xms16m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:TieredStopAtLevel=1");
    /** Starts of a child whose freely picked port another process took meanwhile. */
    private static final int PORT_TRIES = 3;

    private final Simulation simulation;
    private final Children children;
    private final Map<String, Process> agents = new LinkedHashMap<>();
    private final Map<String, List<String>> agentCommands = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> agentEnvironments = new LinkedHashMap<>();
    private final Map<String, Integer> metricsPorts = new LinkedHashMap<>();
    private final Path workDir;
    private int brokerPort;
    private String adminToken;
    private Duration interval;
    private boolean metricsPortsPicked;

    private Federation(Simulation simulation, Path workDir) {
        this.simulation = simulation;
        this.workDir = workDir;
        this.children = new Children(workDir.resolve("logs"));
    }

    /** Starts everything and returns once the broker answers; the agents' first reports follow within seconds. */
    public static Federation start(FederationOptions options) throws IOException, InterruptedException {
        for (Path jar : List.of(options.brokerJar(), options.agentJar())) {
            if (!Files.isRegularFile(jar)) {
                throw new IOException(jar + " is missing: build it first with ./mvnw -q -DskipTests package");
            }
        }
        Path logs = Files.createDirectories(options.workDir().resolve("logs"));
        try (var old = Files.list(logs)) {
            for (Path log : old.filter(f -> f.toString().endsWith(".log")).toList()) {
                Files.delete(log); // a restarted agent appends to its log; a new demo starts them afresh
            }
        }
        List<Simulation.Spec> specs = new ArrayList<>();
        Apis apis = Apis.load();
        for (DemoLayout.Member member : DemoLayout.federation()) {
            for (DemoLayout.Host host : member.hosts()) {
                specs.add(new Simulation.Spec(member.id(), host.id(), host.service(), host.software(), host.capacity(),
                        host.meanLoad(), 0, apis.kind(host.software()).needsSecret() ? NC_TOKEN : null));
            }
        }
        for (DemoLayout.DeclaredMember member : DemoLayout.declared()) {
            for (DemoLayout.DeclaredHost declared : member.hosts()) {
                DemoLayout.Host host = declared.host();
                specs.add(new Simulation.Spec(member.id(), host.id(), host.service(), host.software(), host.capacity(),
                        host.meanLoad(), 0, null));
            }
        }
        Simulation simulation = Simulation.start(specs, InetAddress.getLoopbackAddress(), options.speed(), options.seed(),
                options.events());
        Federation federation = new Federation(simulation, options.workDir().toAbsolutePath());
        try {
            federation.launch(options);
        } catch (IOException | InterruptedException | RuntimeException e) {
            federation.close();
            throw e;
        }
        return federation;
    }

    private void launch(FederationOptions options) throws IOException, InterruptedException {
        // Whole seconds, within what brokers take: the demo's agents are checked like anyone's.
        long intervalMillis = 1000 * Math.max(WireRules.MIN_INTERVAL_SECONDS, Math.round(10 / options.speed()));
        interval = Duration.ofMillis(intervalMillis);
        // Hosts go stale after three of their agent's intervals (the broker's default), and the lower bound is
        // brought down to that, so a stopped agent shows within seconds in a fast demo.
        long staleSeconds = Math.max(3, (3 * intervalMillis + 999) / 1000);
        brokerPort = options.brokerPort() == 0 ? Children.freePort() : Children.requireFree(options.brokerPort(), "the broker's port (--port)");
        int nextPort = options.firstMetricsPort();
        for (DemoLayout.Member member : DemoLayout.federation()) {
            metricsPorts.put(member.id(), nextPort == 0 ? Children.freePort() : Children.requireFree(nextPort++, "a probe agent's metrics port"));
        }
        adminToken = token();

        Map<String, String> tokens = new LinkedHashMap<>();
        for (DemoLayout.Member member : DemoLayout.federation()) {
            tokens.put(member.id(), token());
        }
        Path membersFile = workDir.resolve("members.yml");
        Files.writeString(membersFile, DemoFiles.members(tokens, LocalDate.now()));

        Path federationFile = ChatonsInfosFiles.write(chatonsInfosDir(), simulation.standIns());
        // Declared hosts are probed as often as agents report, and the files read again every six intervals, so
        // that the demo shows a file the agent rewrote within a minute.
        Map<String, String> brokerEnv = Map.of(
                "BROKER_MEMBERS_FILE", membersFile.toString(),
                "BROKER_STALE_AFTER_MIN", staleSeconds + "s",
                "BROKER_ADMIN_TOKEN_SHA256", sha256(adminToken),
                "MICRONAUT_SERVER_PORT", String.valueOf(brokerPort),
                "BROKER_CHATONSINFOS_FEDERATION_URL", federationFile.toString(),
                "BROKER_CHATONSINFOS_REFRESH", Math.max(2000, 6 * intervalMillis) + "ms",
                "BROKER_PUBLIC_PROBE_INTERVAL", intervalMillis + "ms",
                "BROKER_PUBLIC_PROBE_TIMEOUT", Math.min(5000, intervalMillis / 2) + "ms");
        for (int attempt = 1; ; attempt++) {
            Process broker = children.spawn("broker", List.of(Children.java(), "-Xmx256m", "-jar", options.brokerJar().toString()), brokerEnv);
            try {
                children.awaitHttp(broker, "broker", brokerUrl().resolve("/health"));
                break;
            } catch (IOException e) {
                if (options.brokerPort() != 0 || attempt == PORT_TRIES || !children.lostItsPort("broker")) {
                    throw e;
                }
                brokerPort = Children.freePort();
                brokerEnv = new HashMap<>(brokerEnv);
                brokerEnv.put("MICRONAUT_SERVER_PORT", String.valueOf(brokerPort));
            }
        }

        for (DemoLayout.Member member : DemoLayout.federation()) {
            int metricsPort = metricsPorts.get(member.id());
            Path config = workDir.resolve(member.id()).resolve("probe-agent.yml");
            Files.createDirectories(config.getParent());
            Files.writeString(config, agentConfig(member, intervalMillis, metricsPort));
            List<String> command = new ArrayList<>(List.of(Children.java()));
            command.addAll(AGENT_JVM);
            command.addAll(List.of("-jar", options.agentJar().toString(), "run", "-c", config.toString()));
            agentCommands.put(member.id(), command);
            agentEnvironments.put(member.id(), Map.of("ENTRAIDE_TOKEN", tokens.get(member.id()), "NC_TOKEN", NC_TOKEN));
            agents.put(member.id(), children.spawn("agent-" + member.id(), command, agentEnvironments.get(member.id())));
        }
        metricsPortsPicked = options.firstMetricsPort() == 0;
        for (String member : agents.keySet()) {
            awaitAgent(member);
        }
        Files.writeString(workDir.resolve("prometheus.yml"), prometheusConfig("5s"));
    }

    private String agentConfig(DemoLayout.Member member, long intervalMillis, int metricsPort) {
        return DemoFiles.agent(member, brokerUrl(), intervalMillis, metricsPort, simulation.standIns(),
                ChatonsInfosFiles.publishedFile(chatonsInfosDir()));
    }

    /**
     * Stops a member's probe agent, as when its server dies: its hosts turn STALE at the broker once their last
     * report is older than three of its agent's reporting intervals, and its metrics target goes down.
     */
    public synchronized void stopAgent(String member) throws InterruptedException {
        Children.stop(agents.get(member));
    }

    /** Starts a stopped agent again; returns once it serves its metrics. */
    public synchronized void startAgent(String member) throws IOException, InterruptedException {
        if (!agents.get(member).isAlive()) {
            agents.put(member, children.spawn("agent-" + member, agentCommands.get(member), agentEnvironments.get(member)));
            awaitAgent(member);
        }
    }

    /** Waits for an agent's metrics; starts it again on another port if the one picked for it was taken. */
    private void awaitAgent(String member) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                children.awaitHttp(agents.get(member), "agent-" + member,
                        URI.create("http://127.0.0.1:" + metricsPorts.get(member) + "/metrics"));
                return;
            } catch (IOException e) {
                if (!metricsPortsPicked || attempt == PORT_TRIES || !children.lostItsPort("agent-" + member)) {
                    throw e;
                }
                metricsPorts.put(member, Children.freePort());
                DemoLayout.Member layout = DemoLayout.federation().stream().filter(m -> m.id().equals(member))
                        .findFirst().orElseThrow();
                Files.writeString(workDir.resolve(member).resolve("probe-agent.yml"),
                        agentConfig(layout, interval.toMillis(), metricsPorts.get(member)));
                agents.put(member, children.spawn("agent-" + member, agentCommands.get(member), agentEnvironments.get(member)));
            }
        }
    }

    /**
     * A Prometheus configuration that scrapes this federation with the job names the dashboards use
     * ({@code broker}, {@code probe-agent} with a {@code member} label), on the ports it really got.
     * Also written to {@code prometheus.yml} in the work folder.
     *
     * @param scrapeInterval e.g. "1s" for a test, "5s" for people
     */
    public String prometheusConfig(String scrapeInterval) {
        return DemoFiles.prometheus(scrapeInterval, brokerPort, metricsPorts);
    }

    /** The broker's base URL. */
    public URI brokerUrl() {
        return URI.create("http://localhost:" + brokerPort);
    }

    /** The broker's port. */
    public int brokerPort() {
        return brokerPort;
    }

    /** Each member's agent metrics port, by member id. */
    public Map<String, Integer> metricsPorts() {
        return Map.copyOf(metricsPorts);
    }

    /** The stand-ins, with their ports and simulated lives. */
    public List<StandIn> standIns() {
        return simulation.standIns();
    }

    /** The coordinators' admin token (drain and undrain through the broker's admin API). */
    public String adminToken() {
        return adminToken;
    }

    /** How often agents report. */
    public Duration interval() {
        return interval;
    }

    /** Where the federation's ChatonsInfos files are (the broker reads them; garenne's agent rewrites its pad's). */
    public Path chatonsInfosDir() {
        return workDir.resolve("chatonsinfos");
    }

    /** Where the generated files and logs are. */
    public Path workDir() {
        return workDir;
    }

    /** Stops the agents, then the broker (asking first, then forcing), then the stand-ins. */
    @Override
    public void close() {
        children.close();
        simulation.close();
    }

    private static String token() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
