package org.chatons.entraide.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.TimeUnit;
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
    private final List<Process> processes = new ArrayList<>();
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
        brokerPort = options.brokerPort() == 0 ? freePort() : requireFree(options.brokerPort(), "the broker's port (--port)");
        int nextPort = options.firstMetricsPort();
        for (DemoLayout.Member member : DemoLayout.federation()) {
            metricsPorts.put(member.id(), nextPort == 0 ? freePort() : requireFree(nextPort++, "a probe agent's metrics port"));
        }
        adminToken = token();

        StringBuilder members = new StringBuilder("# Generated by the Entraide demo: tokens are made anew at each start.\nmembers:\n");
        Map<String, String> tokens = new LinkedHashMap<>();
        for (DemoLayout.Member member : DemoLayout.federation()) {
            String token = token();
            tokens.put(member.id(), token);
            members.append("  - id: ").append(member.id()).append('\n')
                    .append("    name: \"").append(member.name()).append("\"\n")
                    .append("    token-sha256: ").append(sha256(token)).append('\n')
                    .append("    domains: [localhost]\n")
                    .append("    confirmed-until: ").append(LocalDate.now().plusYears(1)).append('\n')
                    .append("    country: ").append(member.country()).append('\n')
                    .append("    languages: ").append(member.languages()).append('\n');
        }
        Path membersFile = workDir.resolve("members.yml");
        Files.writeString(membersFile, members);

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
            Process broker = spawn("broker", List.of(java(), "-Xmx256m", "-jar", options.brokerJar().toString()), brokerEnv);
            try {
                awaitHttp(broker, "broker", brokerUrl().resolve("/health"));
                break;
            } catch (IOException e) {
                if (options.brokerPort() != 0 || attempt == PORT_TRIES || !lostItsPort("broker")) {
                    throw e;
                }
                brokerPort = freePort();
                brokerEnv = new HashMap<>(brokerEnv);
                brokerEnv.put("MICRONAUT_SERVER_PORT", String.valueOf(brokerPort));
            }
        }

        for (DemoLayout.Member member : DemoLayout.federation()) {
            int metricsPort = metricsPorts.get(member.id());
            Path config = workDir.resolve(member.id()).resolve("probe-agent.yml");
            Files.createDirectories(config.getParent());
            Files.writeString(config, agentConfig(member, intervalMillis, metricsPort));
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(AGENT_JVM);
            command.addAll(List.of("-jar", options.agentJar().toString(), "run", "-c", config.toString()));
            agentCommands.put(member.id(), command);
            agentEnvironments.put(member.id(), Map.of("ENTRAIDE_TOKEN", tokens.get(member.id()), "NC_TOKEN", NC_TOKEN));
            agents.put(member.id(), spawn("agent-" + member.id(), command, agentEnvironments.get(member.id())));
        }
        metricsPortsPicked = options.firstMetricsPort() == 0;
        for (String member : agents.keySet()) {
            awaitAgent(member);
        }
        Files.writeString(workDir.resolve("prometheus.yml"), prometheusConfig("5s"));
    }

    private String agentConfig(DemoLayout.Member member, long intervalMillis, int metricsPort) {
        StringBuilder yaml = new StringBuilder("# Generated by the Entraide demo.\n")
                .append("member: ").append(member.id()).append('\n')
                .append("token-env: ENTRAIDE_TOKEN\n")
                .append("brokers: [").append(brokerUrl()).append("]\n")
                .append("interval: ").append(intervalMillis).append("ms\n")
                .append("timeout: ").append(Math.min(5000, intervalMillis / 2)).append("ms\n")
                .append("metrics-port: ").append(metricsPort).append('\n')
                .append("hosts:\n");
        for (StandIn standIn : simulation.standIns()) {
            if (!standIn.member().equals(member.id())) {
                continue;
            }
            DemoLayout.Host host = member.hosts().stream().filter(h -> h.id().equals(standIn.hostId())).findFirst().orElseThrow();
            yaml.append("  - id: ").append(host.id()).append('\n')
                    .append("    service: ").append(host.service()).append('\n')
                    .append("    software: ").append(host.software()).append('\n')
                    .append("    url: ").append(standIn.url()).append('\n')
                    .append("    capacity-users: ").append(host.capacity()).append('\n');
            if (standIn.needsSecret()) {
                yaml.append("    secret-env: NC_TOKEN\n");
            }
            if (member.id().equals(ChatonsInfosFiles.PUBLISHING_AGENT) && host.id().equals(ChatonsInfosFiles.PUBLISHED_HOST)) {
                yaml.append("    chatonsinfos-file: ").append(ChatonsInfosFiles.publishedFile(chatonsInfosDir())).append('\n');
            }
        }
        return yaml.toString();
    }

    /**
     * Stops a member's probe agent, as when its server dies: its hosts turn STALE at the broker once their last
     * report is older than three of its agent's reporting intervals, and its metrics target goes down.
     */
    public synchronized void stopAgent(String member) throws InterruptedException {
        Process agent = agents.get(member);
        agent.destroy();
        if (!agent.waitFor(10, TimeUnit.SECONDS)) {
            agent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Starts a stopped agent again; returns once it serves its metrics. */
    public synchronized void startAgent(String member) throws IOException, InterruptedException {
        if (!agents.get(member).isAlive()) {
            agents.put(member, spawn("agent-" + member, agentCommands.get(member), agentEnvironments.get(member)));
            awaitAgent(member);
        }
    }

    /** Waits for an agent's metrics; starts it again on another port if the one picked for it was taken. */
    private void awaitAgent(String member) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                awaitHttp(agents.get(member), "agent-" + member,
                        URI.create("http://127.0.0.1:" + metricsPorts.get(member) + "/metrics"));
                return;
            } catch (IOException e) {
                if (!metricsPortsPicked || attempt == PORT_TRIES || !lostItsPort("agent-" + member)) {
                    throw e;
                }
                metricsPorts.put(member, freePort());
                DemoLayout.Member layout = DemoLayout.federation().stream().filter(m -> m.id().equals(member))
                        .findFirst().orElseThrow();
                Files.writeString(workDir.resolve(member).resolve("probe-agent.yml"),
                        agentConfig(layout, interval.toMillis(), metricsPorts.get(member)));
                agents.put(member, spawn("agent-" + member, agentCommands.get(member), agentEnvironments.get(member)));
            }
        }
    }

    private Process spawn(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("logs").resolve(name + ".log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Waits until a child answers 200 on a URL; says why when it stops or takes too long (a port in use, say). */
    private void awaitHttp(Process child, String name, URI health) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Path log = workDir.resolve("logs").resolve(name + ".log");
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            if (!child.isAlive()) {
                throw new IOException(name + " stopped: see " + log + "\n" + tail(name));
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException(name + " did not answer on " + health + " within 90 s: see " + log);
    }

    private String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("logs").resolve(name + ".log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
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
        StringBuilder yaml = new StringBuilder("# Generated by the Entraide demo for its own ports.\nglobal:\n")
                .append("  scrape_interval: ").append(scrapeInterval).append('\n')
                .append("  evaluation_interval: ").append(scrapeInterval).append('\n')
                .append("scrape_configs:\n")
                .append("  - job_name: broker\n    metrics_path: /prometheus\n    static_configs:\n")
                .append("      - targets: [\"127.0.0.1:").append(brokerPort).append("\"]\n")
                .append("  - job_name: probe-agent\n    metrics_path: /metrics\n    static_configs:\n");
        metricsPorts.forEach((member, port) -> yaml.append("      - targets: [\"127.0.0.1:").append(port)
                .append("\"]\n        labels:\n          member: ").append(member).append('\n'));
        return yaml.toString();
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
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        simulation.close();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Whether a child stopped because its port was taken: a free port is found by opening and closing it, and on a
     * busy machine another process may take it before the child, which then starts again on another.
     */
    private boolean lostItsPort(String name) {
        try {
            return Files.readString(workDir.resolve("logs").resolve(name + ".log"), StandardCharsets.UTF_8)
                    .contains("already in use");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Checked before starting, since a child that cannot listen looks, from outside, like another one that can. */
    private static int requireFree(int port, String what) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IOException(what + " " + port + " is in use (another demo still running?)", e);
        }
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
