package org.chatons.entraide.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.chatons.entraide.demo.standins.Simulation;
import org.chatons.entraide.demo.standins.StandIn;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar demo/target/demo.jar [--speed N] [--port N] [--seed N] [--work DIR]}: the demo federation,
 * until Ctrl-C. {@code --stand-ins-only [--bind ADDR]} starts only the stand-ins that docker-compose.yml's agents
 * probe, on ports 9101 to 9104. The command line is read by picocli, as the probe agent's.
 */
@Command(name = "java -jar demo/target/demo.jar", mixinStandardHelpOptions = true,
        description = "The Entraide demo federation on this machine, until Ctrl-C.")
public final class DemoMain implements Callable<Integer> {

    @Option(names = "--speed", paramLabel = "N", description = "simulated seconds per real second (default 1)")
    double speed = FederationOptions.defaults().speed();
    @Option(names = "--port", paramLabel = "N", description = "the broker's port (default 8080)")
    int port = FederationOptions.defaults().brokerPort();
    @Option(names = "--seed", paramLabel = "N", description = "replay the same simulated day (default 42)")
    long seed = FederationOptions.defaults().seed();
    @Option(names = "--work", paramLabel = "DIR", description = "where generated files and logs go (default .demo)")
    Path work = FederationOptions.defaults().workDir();
    @Option(names = "--stand-ins-only", description = "only the stand-ins docker-compose.yml uses (ports 9101-9104)")
    boolean standInsOnly;
    @Option(names = "--bind", paramLabel = "ADDR",
            description = "with --stand-ins-only: the address to listen on (default 127.0.0.1)")
    String bind = "127.0.0.1";

    public static void main(String[] args) {
        int code = new CommandLine(new DemoMain()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        FederationOptions options = FederationOptions.defaults().withSpeed(speed)
                .withPorts(port, FederationOptions.defaults().firstMetricsPort()).withSeed(seed).withWorkDir(work)
                .withEvents(event -> out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + event));
        CountDownLatch stopped = new CountDownLatch(1);
        AutoCloseable running;
        try {
            running = standInsOnly ? composeStandIns(options, InetAddress.getByName(bind), out) : federation(options, out);
        } catch (IOException e) {
            System.err.println("The demo could not start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping...");
            try {
                running.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }, "demo-shutdown"));
        stopped.await();
        return 0;
    }

    private static Federation federation(FederationOptions options, PrintStream out) throws Exception {
        out.println("Starting the Entraide demo federation (broker, " + DemoLayout.federation().size()
                + " members' probe agents, their services' stand-ins)...");
        Federation federation = Federation.start(options);
        String broker = federation.brokerUrl().toString();
        out.println();
        out.println("The demo federation is running. Ctrl-C stops everything.");
        out.println("  Picker:          " + broker + "/");
        out.println("  Redirect:        " + broker + "/go/pad   (or visio, drive, video, microblog, events, drop, shortener, poll,"
                + " notes, paste)");
        out.println("  API:             " + broker + "/api/v1/services   and   " + broker + "/api/v1/services/pad/hosts");
        out.println("  Broker metrics:  " + broker + "/prometheus");
        out.println("  Admin token:     " + federation.adminToken() + "   (PUT/DELETE " + broker
                + "/api/v1/admin/hosts/{member}/{host}/drain)");
        out.println("  Agents report every " + federation.interval().toMillis() / 1000.0 + " s; files and logs in "
                + federation.workDir());
        out.println("  Prometheus:      prometheus --config.file=" + federation.workDir().resolve("prometheus.yml")
                + "   (or dashboard/prometheus/prometheus-local.yml, with the alert rules)");
        out.println();
        for (DemoLayout.Member member : DemoLayout.federation()) {
            out.printf("  %-8s %-32s agent metrics http://127.0.0.1:%d/metrics%n", member.id(), member.name(),
                    federation.metricsPorts().get(member.id()));
            for (StandIn standIn : federation.standIns()) {
                if (standIn.member().equals(member.id())) {
                    out.printf("           %-10s %-10s %-10s %s%n", standIn.hostId(), standIn.service(), standIn.software(),
                            standIn.url());
                }
            }
        }
        out.println();
        out.println("  Members without an agent, declared in ChatonsInfos files (" + federation.chatonsInfosDir()
                + "), probed by the broker from outside:");
        for (DemoLayout.DeclaredMember member : DemoLayout.declared()) {
            out.printf("  %-11s %-29s %s%n", member.id(), member.name(), "(no agent)");
            for (StandIn standIn : federation.standIns()) {
                if (standIn.member().equals(member.id())) {
                    out.printf("           %-10s %-10s %-10s %s%n", standIn.hostId(), standIn.service(),
                            standIn.software(), standIn.url());
                }
            }
        }
        out.println("  What the broker made of the files: " + broker + "/api/v1/chatonsinfos");
        out.println();
        out.println("What happens to the hosts (they fill, close, go down and come back):");
        return federation;
    }

    /** The stand-ins that docker-compose.yml's agents probe (dashboard/compose/probe-agent-*.yml). */
    static List<Simulation.Spec> composeSpecs() {
        return List.of(
                new Simulation.Spec("beta", "pad-2", "pad", "etherpad", 50, 0.4, 9101, null),
                new Simulation.Spec("alpha", "visio-1", "visio", "jitsi", 100, 0.35, 9102, null),
                new Simulation.Spec("beta", "cloud", "drive", "nextcloud", 200, 0.3, 9103, "demo-nc-token-NOT-A-SECRET"),
                new Simulation.Spec("beta", "tube", "video", "peertube", 300, 0.4, 9104, null));
    }

    private static Simulation composeStandIns(FederationOptions options, InetAddress bind, PrintStream out) throws Exception {
        Simulation simulation = Simulation.start(composeSpecs(), bind, options.speed(), options.seed(), options.events());
        out.println("Stand-ins of docker-compose.yml, on " + bind.getHostAddress() + ":");
        for (StandIn standIn : simulation.standIns()) {
            out.printf("  %-6s %-8s %-10s port %d%n", standIn.member(), standIn.hostId(), standIn.software(), standIn.port());
        }
        return simulation;
    }
}
