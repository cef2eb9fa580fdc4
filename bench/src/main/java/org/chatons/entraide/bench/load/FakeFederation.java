package org.chatons.entraide.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Stands in for a federation's probe agents, for the throughput and memory scripts: writes a members file with
 * one token per member, then posts every member's report through the broker's real API, round after round.
 * Every host is on loopback ({@code http://localhost:9/...}); nothing leaves the machine.
 *
 * <pre>
 * FakeFederation members DIR MEMBERS                       writes DIR/members.yml
 * FakeFederation report BROKER_URL MEMBERS HOSTS SECONDS ROUNDS [CAPACITY]
 *     posts MEMBERS reports of HOSTS pad hosts each, every SECONDS, ROUNDS times (0: until killed); with
 *     CAPACITY, every host has that capacity and is 30 % full (a throughput test sends millions of users and
 *     must not fill the hosts: it would measure "no host available" answers instead of redirects)
 * </pre>
 */
@Command(name = "FakeFederation", mixinStandardHelpOptions = true,
        description = "A federation's probe agents, for the throughput and memory scripts.")
public final class FakeFederation {

    /** The software of each service the reports may hold: Jitsi Meet makes visio's group links. */
    private static final Map<String, String> SOFTWARE = Map.of("pad", "etherpad", "visio", "jitsi");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();

    private FakeFederation() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new FakeFederation()).execute(args));
    }

    @Command(name = "members", description = "Writes DIR/members.yml.")
    int membersCommand(@Parameters(paramLabel = "DIR") Path dir, @Parameters(paramLabel = "MEMBERS") int members)
            throws IOException {
        members(dir, members);
        return 0;
    }

    @Command(name = "report", description = "Posts MEMBERS reports of HOSTS pad hosts each, every SECONDS, ROUNDS"
            + " times (0: until killed); with CAPACITY, every host has that capacity and is 30 %% full.")
    int reportCommand(@Parameters(paramLabel = "BROKER_URL") URI broker, @Parameters(paramLabel = "MEMBERS") int members,
                      @Parameters(paramLabel = "HOSTS") int hosts, @Parameters(paramLabel = "SECONDS") int seconds,
                      @Parameters(paramLabel = "ROUNDS") int rounds,
                      @Parameters(paramLabel = "CAPACITY", arity = "0..1", defaultValue = "0") int capacity,
                      @Option(names = "--service", defaultValue = "pad",
                              description = "pad (Etherpad hosts, the default) or visio (Jitsi Meet hosts)") String service)
            throws Exception {
        if (!SOFTWARE.containsKey(service)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--service: pad or visio, got " + service);
        }
        report(broker, members, hosts, seconds, rounds, capacity, service);
        return 0;
    }

    static String memberId(int m) {
        return String.format(Locale.ROOT, "member-%03d", m);
    }

    static String token(int m) {
        return "bench-token-" + memberId(m);
    }

    static void members(Path dir, int members) throws IOException {
        Files.createDirectories(dir);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", memberId(m));
            entry.put("name", "Bench member " + m);
            entry.put("token-sha256", sha256(token(m)));
            entry.put("domains", List.of("localhost"));
            entry.put("confirmed-until", "2099-12-31");
            entry.put("country", "FR");
            entry.put("languages", List.of("fr"));
            entries.add(entry);
        }
        // Written by Jackson's YAML generator, as the broker reads it.
        String yml = "# Written by FakeFederation for a benchmark: loopback hosts only.\n"
                + YAML.writeValueAsString(Map.of("members", entries));
        Files.writeString(dir.resolve("members.yml"), yml);
    }

    static void report(URI broker, int members, int hosts, int seconds, int rounds, int capacity, String service)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        SplittableRandom random = new SplittableRandom(1);
        URI reports = broker.resolve("/api/v1/reports");
        for (int round = 0; rounds == 0 || round < rounds; round++) {
            long started = System.nanoTime();
            int accepted = 0;
            for (int m = 0; m < members; m++) {
                HttpRequest request = HttpRequest.newBuilder(reports).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token(m))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(m, hosts, seconds, capacity, random, service)))
                        .build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    accepted++;
                } else {
                    System.err.println(memberId(m) + ": " + response.statusCode() + " " + response.body());
                }
            }
            System.out.printf("round %d: %d of %d reports accepted%n", round + 1, accepted, members);
            long wait = seconds * 1000L - (System.nanoTime() - started) / 1_000_000;
            if ((rounds == 0 || round + 1 < rounds) && wait > 0) {
                Thread.sleep(wait);
            }
        }
    }

    /** One member's report: its hosts at loads between 10 % and 60 %, capacities 50 to 500 (or the one given). */
    static String body(int m, int hosts, int seconds, int fixedCapacity, SplittableRandom random, String service) {
        StringBuilder json = new StringBuilder(256 * hosts);
        json.append("{\"member\":\"").append(memberId(m)).append("\",\"sentAt\":\"").append(Instant.now())
                .append("\",\"intervalSeconds\":").append(seconds).append(",\"hosts\":[");
        for (int h = 0; h < hosts; h++) {
            int capacity = fixedCapacity > 0 ? fixedCapacity : 50 + 10 * random.nextInt(46);
            int users = (int) (capacity * (fixedCapacity > 0 ? 0.3 : 0.1 + 0.5 * random.nextDouble()));
            json.append(h == 0 ? "" : ",").append("{\"id\":\"").append(service).append('-').append(h)
                    .append("\",\"service\":\"").append(service).append("\",\"software\":\"")
                    .append(SOFTWARE.get(service)).append("\",\"url\":\"http://localhost:9/")
                    .append(memberId(m)).append('/').append(service).append('-').append(h)
                    .append("/\",\"status\":\"UP\",")
                    .append("\"acceptsNewUsers\":true,\"activeUsers\":").append(users)
                    .append(",\"capacityUsers\":").append(capacity).append('}');
        }
        return json.append("]}").toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
