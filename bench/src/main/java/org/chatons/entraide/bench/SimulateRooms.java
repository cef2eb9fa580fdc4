package org.chatons.entraide.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.rooms.RoomHost;
import org.chatons.entraide.broker.rooms.RoomName;
import org.chatons.entraide.broker.rooms.RoomPlacement;
import org.chatons.entraide.bench.sim.Groups;
import org.chatons.entraide.bench.sim.RoomSpread;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Group links (BENCHMARKS.md §10) measured on the broker's own {@code rooms.RoomPlacement}: names over hosts of uneven
 * capacity, the rooms each host takes against its capacity share, the share of rooms that move when one host goes
 * down (or turns full, which is the same to the placement) and when one joins, and whether brokers started apart,
 * each given the hosts in another order, give every name the same host. Writes {@code rooms.md}.
 *
 * <pre>
 * java -cp bench/target/bench.jar org.chatons.entraide.bench.SimulateRooms --out bench/results
 *   [--names 100000] [--hosts 50] [--seeds 5] [--brokers 3]
 * </pre>
 */
@Command(name = "SimulateRooms", mixinStandardHelpOptions = true,
        description = "Group links: rooms per host against capacity, rooms moved by a host leaving or joining, "
                + "brokers started apart agreeing.")
public final class SimulateRooms implements Callable<Integer> {

    @Mixin RunOptions options = new RunOptions();
    @Option(names = "--names", paramLabel = "N", description = "room names placed (default 100000)")
    int names = 100_000;
    @Option(names = "--hosts", paramLabel = "N", description = "hosts of uneven capacity (default 50)")
    int hostCount = 50;
    @Option(names = "--brokers", paramLabel = "N", description = "brokers started apart, a JVM each (default 3)")
    int brokers = 3;
    @Option(names = "--groups", paramLabel = "N", description = "groups meeting over the hour (default 200)")
    int groups = 200;
    @Option(names = "--sets", paramLabel = "N", description = "sets of names averaged for the spread's bias (default 10)")
    int sets = 10;
    @Option(names = "--groups-only", description = "run the groups alone and print them, writing no file")
    boolean groupsOnly;
    @Option(names = "--answers", hidden = true, paramLabel = "SEED:HOSTS:ORDER:NAMES",
            description = "be one broker: print the digest of every name's host")
    String answers;

    /** The broker's default warm-up: 10 reporting intervals of 30 s ({@code broker.rooms.warm-up-intervals}). */
    private static final int WARM_UP_SECONDS = 300;

    private SimulateRooms() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulateRooms()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (answers != null) {
            // One broker, in a JVM of its own: the digest of every name's host, hosts given in its own order.
            String[] p = answers.split(":");
            System.out.println(digest(placement(hosts(Long.parseLong(p[0]), Integer.parseInt(p[1])),
                    Long.parseLong(p[2])), Integer.parseInt(p[3])));
            return 0;
        }
        StringBuilder md = new StringBuilder();
        if (!groupsOnly) {
            placements(md);
        }
        groups(md);
        if (groupsOnly) {
            System.out.print(md);
            return 0;
        }
        Files.createDirectories(options.out());
        Path file = options.out().resolve("rooms.md");
        Files.writeString(file, md);
        System.out.print(md);
        System.out.println("written to " + file);
        return 0;
    }

    private void placements(StringBuilder md) throws Exception {
        md.append("# Group links: rooms over hosts (`SimulateRooms`)\n\n")
                .append(String.format(Locale.ROOT, "%,d names over %d hosts of uneven capacity (log-normal, 20 to"
                        + " about 600 users), one seed per row.%n%n", names, hostCount))
                .append("| seed | peak-to-mean | of hosts above the mean | binomial 2σ of the smallest | down: moved | its share | join: moved |"
                        + " its share | brokers agreeing |\n|---|---|---|---|---|---|---|---|---|\n");
        for (int seed = 1; seed <= options.seeds(); seed++) {
            List<RoomHost> hosts = hosts(seed, hostCount);
            md.append(row(seed, hosts, names, brokers)).append('\n');
        }
        md.append(String.format(Locale.ROOT, "%n## Spread: the placement's bias or any draw's noise%n%n"
                + "The same hosts: a fair draw of %,d names (each to a host by capacity share, `java.util.Random`), and"
                + " the placement's rooms per host averaged over %d other sets of %,d names (`room-<set>-<k>`).%n%n"
                + "| seed | placement's peak-to-mean (above) | fair draw's | placement's, mean of %d sets |"
                + " χ² per degree of freedom (1 = a fair draw's) |%n|---|---|---|---|---|%n", names, sets, names, sets));
        for (int seed = 1; seed <= options.seeds(); seed++) {
            RoomSpread.Result spread = RoomSpread.of(hosts(seed, hostCount), names, sets, seed);
            md.append(String.format(Locale.ROOT, "| %d | see row %d above | %.3f | %.3f | %.2f |%n", seed, seed,
                    spread.fairPeak(), spread.meanPeak(), spread.chiSquarePerDegree()));
        }
    }

    private void groups(StringBuilder md) {
        md.append(String.format(Locale.ROOT, "%n## Groups: meetings over group links (`sim.Groups`)%n%n%d groups of 2"
                + " to 30 people start over an hour on the %d hosts (their other users' load starts between 0.2 and 0.55 and walks by 0.02 a minute),"
                + " people joining over up to 10 min; the host of median capacity turns full at 20 min, goes down at"
                + " 40 min and comes back at 50 min, a newcomer of the same capacity joins at 30 min, the host at the"
                + " third quartile of capacity restarts in a loop from 10 min (down a minute every 4 minutes, four"
                + " times). Reports every 30 s. Warm-up: how long a host that joins or comes back must have been up"
                + " (its report's upSince) before it takes rooms; 300 s is the broker's default, 10 intervals."
                + " Split: a group whose people reached more than one host, put down to what moved its room first.%n%n"
                + "| seed | rooms leave a host at | warm-up | people | groups split | host down | host full | taken back"
                + " (newcomer, host back up, or no longer full) | host-time over capacity |%n"
                + "|---|---|---|---|---|---|---|---|---|%n", groups, hostCount));
        for (int seed = 1; seed <= options.seeds(); seed++) {
            for (double bound : new double[] {0.85, 1.0}) {
                for (int warmUp : new int[] {0, WARM_UP_SECONDS}) {
                    Groups.Result r = new Groups(bound, warmUp).run(hosts(seed, hostCount), groups, seed);
                    md.append(String.format(Locale.ROOT, "| %d | %s | %d s | %,d | %.1f %% (%d) | %d | %d | %d | %.3f %% |%n",
                            seed, bound == 1.0 ? "capacity (1.0)" : "full-at (0.85)", warmUp, r.people(),
                            100.0 * r.split() / r.groups(), r.split(), r.splitDown(), r.splitFull(),
                            r.splitTakenBack(), 100 * r.hostTimeOverCapacity()));
                }
            }
        }
    }

    private static String row(long seed, List<RoomHost> hosts, int names, int brokers) throws Exception {
        RoomPlacement all = new RoomPlacement(hosts);
        int[] placed = new int[names];
        int[] rooms = new int[hosts.size()];
        for (int k = 0; k < names; k++) {
            placed[k] = hosts.indexOf(all.place(name(k), null).orElseThrow());
            rooms[placed[k]]++;
        }
        double total = hosts.stream().mapToInt(RoomHost::capacity).sum();
        double peak = 0;
        double peakOfLarge = 0;
        int smallest = 0;
        for (int i = 0; i < hosts.size(); i++) {
            double expected = names * hosts.get(i).capacity() / total;
            peak = Math.max(peak, rooms[i] / expected);
            // Hosts expecting at least the mean number of rooms: 2,000 at 100,000 names, a 2σ of 4.5 %.
            peakOfLarge = expected >= (double) names / hosts.size() ? Math.max(peakOfLarge, rooms[i] / expected)
                    : peakOfLarge;
            smallest = hosts.get(i).capacity() < hosts.get(smallest).capacity() ? i : smallest;
        }
        double p = hosts.get(smallest).capacity() / total;
        double twoSigma = 2 * Math.sqrt(names * p * (1 - p)) / (names * p);

        // The median host goes down (or turns full): which rooms move?
        List<RoomHost> bySize = new ArrayList<>(hosts);
        bySize.sort((a, b) -> Integer.compare(a.capacity(), b.capacity()));
        RoomHost gone = bySize.get(bySize.size() / 2);
        List<RoomHost> rest = new ArrayList<>(hosts);
        rest.remove(gone);
        RoomPlacement down = new RoomPlacement(rest);
        int moved = 0;
        int movedOther = 0;
        for (int k = 0; k < names; k++) {
            RoomHost after = down.place(name(k), null).orElseThrow();
            if (!after.equals(hosts.get(placed[k]))) {
                moved++;
                movedOther += hosts.get(placed[k]).equals(gone) ? 0 : 1;
            }
        }
        if (movedOther != 0) {
            throw new IllegalStateException(movedOther + " rooms moved from hosts that stayed");
        }
        // A host of the median capacity joins.
        RoomHost newcomer = new RoomHost(new HostKey("newcomer", "visio-1"), gone.capacity(), "FR", false);
        List<RoomHost> more = new ArrayList<>(hosts);
        more.add(newcomer);
        RoomPlacement joined = new RoomPlacement(more);
        int took = 0;
        for (int k = 0; k < names; k++) {
            RoomHost after = joined.place(name(k), null).orElseThrow();
            if (!after.equals(hosts.get(placed[k]))) {
                took++;
                if (!after.equals(newcomer)) {
                    throw new IllegalStateException("a room moved between two hosts that stayed");
                }
            }
        }
        int agreeing = agreeing(seed, hosts.size(), names, brokers);
        return String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %.2f %% | %.2f %% | %.2f %% | %.2f %% | %d of %d, %s |",
                seed, peak, peakOfLarge, 1 + twoSigma, 100.0 * moved / names, 100 * gone.capacity() / total,
                100.0 * took / names, 100.0 * newcomer.capacity() / (total + newcomer.capacity()),
                agreeing, brokers, agreeing == brokers ? "100 %" : "DIFFER");
    }

    /** How many brokers, each a JVM of its own given the hosts in another order, agree with this one on every name. */
    private static int agreeing(long seed, int hostCount, int names, int brokers) throws Exception {
        String here = digest(placement(hosts(seed, hostCount), 0), names);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int agreeing = 0;
        for (int b = 1; b <= brokers; b++) {
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SimulateRooms.class.getName(), "--answers=" + seed + ":" + hostCount + ":" + (1000 + b) + ":" + names)
                    .redirectErrorStream(true).start();
            String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new IOException("broker " + b + " failed: " + answer);
            }
            agreeing += answer.equals(here) ? 1 : 0;
        }
        return agreeing;
    }

    /** The hosts in the order a broker would hold them, shuffled by {@code order} (0: as made). */
    private static RoomPlacement placement(List<RoomHost> hosts, long order) {
        List<RoomHost> shuffled = new ArrayList<>(hosts);
        if (order != 0) {
            Collections.shuffle(shuffled, new Random(order));
        }
        return new RoomPlacement(shuffled);
    }

    private static String digest(RoomPlacement placement, int names) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int k = 0; k < names; k++) {
            sha.update((placement.place(name(k), null).orElseThrow().key() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Capacities log-normal around 100 users (σ 0.8), at least 20: small and large members side by side. */
    private static List<RoomHost> hosts(long seed, int count) {
        Random random = new Random(seed);
        List<RoomHost> hosts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int capacity = Math.max(20, (int) Math.round(100 * Math.exp(0.8 * random.nextGaussian())));
            hosts.add(new RoomHost(new HostKey("member-" + i, "visio-" + i), capacity, "FR", false));
        }
        return hosts;
    }

    private static RoomName name(int k) {
        return new RoomName("room-" + k);
    }
}
