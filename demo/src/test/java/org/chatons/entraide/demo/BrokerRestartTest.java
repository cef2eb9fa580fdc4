package org.chatons.entraide.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.demo.JarProcess.answers;
import static org.chatons.entraide.demo.JarProcess.await;
import static org.chatons.entraide.demo.RunningBroker.acceptedReports;
import static org.chatons.entraide.demo.RunningBroker.admin;
import static org.chatons.entraide.demo.RunningBroker.awaitUp;
import static org.chatons.entraide.demo.RunningBroker.hosts;
import static org.chatons.entraide.demo.RunningBroker.reportPads;
import static org.chatons.entraide.demo.RunningBroker.url;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.chatons.entraide.agent.ClosedPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built broker killed with {@code SIGKILL} and started again, alone and beside another broker, and given a
 * new members file with {@code SIGHUP}: what it knew comes back from the next reports, its drains file and its
 * peer.
 */
class BrokerRestartTest {

    static final String ALPHA_TOKEN = "alpha-secret";

    @TempDir
    Path dir;
    final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    /** A free port held until the test ends, for a broker or an agent that must come back on the same one. */
    int port() {
        ClosedPort held = new ClosedPort();
        started.add(held);
        return held.port();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String member(String id, String token) throws Exception {
        return """
                  - id: %s
                    name: %s
                    token-sha256: %s
                    domains: [localhost]
                    confirmed-until: 2099-06-30
                    country: FR
                    languages: [fr]
                """.formatted(id, id, sha256(token));
    }

    Path membersFile() throws Exception {
        return Files.writeString(dir.resolve("members.yml"), "members:\n" + member("alpha", ALPHA_TOKEN));
    }

    /** The built broker on that port, with a drains file of its own, the admin token and these peers. */
    JarProcess broker(String name, int port, List<Integer> peers) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "BROKER_MEMBERS_FILE", dir.resolve("members.yml").toString(),
                "BROKER_DRAINS_FILE", dir.resolve(name + "-drains.txt").toString(),
                "BROKER_ADMIN_TOKEN", RunningBroker.ADMIN_TOKEN,
                "BROKER_PEER_SYNC_INTERVAL", "2s",
                "MICRONAUT_SERVER_PORT", Integer.toString(port)));
        if (!peers.isEmpty()) {
            env.put("BROKER_PEERS", String.join(",", peers.stream().map(p -> "http://127.0.0.1:" + p).toList()));
        }
        JarProcess broker = JarProcess.start(FederationOptions.defaults().brokerJar(), List.of(), env,
                dir.resolve(name + ".log"));
        started.add(broker);
        awaitUp(broker, port);
        return broker;
    }

    @Test
    void aDrainMadeOnOneBrokerHoldsOnTheOtherAndSurvivesSigkill() throws Exception {
        membersFile();
        int a = port();
        int b = port();
        JarProcess first = broker("first", a, List.of(b));
        JarProcess second = broker("second", b, List.of(a));
        assertThat(reportPads(a, "alpha", ALPHA_TOKEN)).isEqualTo(202);
        assertThat(reportPads(b, "alpha", ALPHA_TOKEN)).isEqualTo(202);

        // Drained on the first: the second hears of it, with no word to it from the coordinator.
        assertThat(admin(a, "PUT", "/hosts/alpha/pad-1/drain")).isEqualTo(200);
        await("the second broker to hold the drain", () -> "DRAINED".equals(hosts(b, "pad").get("pad-1")));

        // The second is killed; meanwhile pad-1 is undrained and pad-2 drained on the first.
        second.kill();
        assertThat(admin(a, "DELETE", "/hosts/alpha/pad-1/drain")).isEqualTo(200);
        assertThat(admin(a, "PUT", "/hosts/alpha/pad-2/drain")).isEqualTo(200);
        second.restart();
        awaitUp(second, b);
        assertThat(reportPads(b, "alpha", ALPHA_TOKEN)).isEqualTo(202);
        await("the restarted broker to catch up", () -> {
            Map<String, String> pads = hosts(b, "pad");
            return pads.containsKey("pad-1") && pads.get("pad-1") == null && "DRAINED".equals(pads.get("pad-2"));
        });

        // A drain and at once SIGKILL: the drains file has it when the first comes back.
        assertThat(admin(a, "PUT", "/hosts/alpha/pad-1/drain")).isEqualTo(200);
        first.kill();
        second.kill();
        first.restart();
        awaitUp(first, a);
        assertThat(reportPads(a, "alpha", ALPHA_TOKEN)).isEqualTo(202);
        assertThat(hosts(a, "pad")).containsEntry("pad-1", "DRAINED").containsEntry("pad-2", "DRAINED");
        assertThat(first.log() + second.log()).as("no stack trace").doesNotContain("\tat ");
    }

    /**
     * The broker side of "the full view is back within one reporting interval": the first report the restarted
     * broker accepts (from the real probe agent) brings every host back, and the drains are still in force. When
     * that report comes is the agent's business: after one report failed its four tries, the agent's circuit
     * breaker rests for 30 s (PushPolicy.standard), so with the default 30 s interval the round after a restart
     * may be skipped.
     */
    @Test
    void aKilledBrokerHasItsWholeViewBackFromTheFirstReportAfterItsRestartWithItsDrains() throws Exception {
        membersFile();
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        service.start();
        started.add(() -> service.stop(0));
        int port = port();
        JarProcess broker = broker("broker", port, List.of());
        Path config = Files.writeString(dir.resolve("probe-agent.yml"), agentConfig(port, port(),
                service.getAddress().getPort()));
        started.add(JarProcess.start(FederationOptions.defaults().agentJar(), List.of("run", "-c", config.toString()),
                Map.of("ENTRAIDE_TOKEN", ALPHA_TOKEN), dir.resolve("agent.log")));
        await("the agent's hosts at the broker", () -> hosts(port, "pad").size() == 2 && hosts(port, "calc").size() == 1);
        assertThat(admin(port, "PUT", "/hosts/alpha/pad-1/drain")).isEqualTo(200);

        broker.kill();
        broker.restart();
        awaitUp(broker, port);
        AtomicReference<Map<String, String>> firstSeen = new AtomicReference<>();
        await("a host of the agent back at the broker", () -> !firstSeen.updateAndGet(seen -> hosts(port, "pad"))
                .isEmpty());
        Map<String, String> calcs = hosts(port, "calc");

        // Whatever report came first (a retried one and a newer one may both arrive), it brought every host back
        // at once: the first look that finds a pad finds both, and the calc asked after it; pad-1 is still drained.
        assertThat(acceptedReports(port)).as("reports accepted since the restart").isGreaterThanOrEqualTo(1);
        assertThat(firstSeen.get()).containsOnlyKeys("pad-1", "pad-2")
                .containsEntry("pad-1", "DRAINED").containsEntry("pad-2", null);
        assertThat(calcs).containsOnlyKeys("calc-1").containsEntry("calc-1", null);
    }

    String agentConfig(int broker, int metrics, int service) {
        StringBuilder yaml = new StringBuilder("""
                member: alpha
                token-env: ENTRAIDE_TOKEN
                brokers: [http://127.0.0.1:%d]
                interval: 5s
                timeout: 2s
                metrics-port: %d
                hosts:
                """.formatted(broker, metrics));
        for (String[] host : new String[][] {{"pad-1", "pad"}, {"pad-2", "pad"}, {"calc-1", "calc"}}) {
            yaml.append("  - id: ").append(host[0]).append("\n    service: ").append(host[1])
                    .append("\n    software: http\n    url: http://localhost:").append(service).append('/')
                    .append(host[0]).append("/\n    capacity-users: 100\n");
        }
        return yaml.toString();
    }

    @Test
    void sighupBringsANewMembersFileIntoForceAndTheBrokerKeepsRunning() throws Exception {
        membersFile();
        int port = port();
        JarProcess broker = broker("broker", port, List.of());
        assertThat(reportPads(port, "beta", "beta-secret")).isEqualTo(401);

        Files.writeString(dir.resolve("members.yml"), "members:\n" + member("alpha", ALPHA_TOKEN)
                + member("beta", "beta-secret"));
        broker.signal("HUP");

        await("beta's token to be taken", () -> {
            try {
                return reportPads(port, "beta", "beta-secret") == 202;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Read a second later by the broker's own look at the file too, but SIGHUP reloads whatever came first.
        await("the log line", () -> {
            try {
                return broker.log().contains("reloaded, asked (SIGHUP): 2 member(s)");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(broker.alive()).isTrue();
        assertThat(answers(url(port, "/health"))).isTrue();
    }
}
