package org.chatons.entraide.bench.chatonsinfos;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatons.entraide.broker.chatonsinfos.ChatonsInfosConfig;
import org.chatons.entraide.broker.chatonsinfos.Crawl;
import org.chatons.entraide.broker.chatonsinfos.Crawler;
import org.chatons.entraide.broker.chatonsinfos.DeclaredHost;
import org.chatons.entraide.broker.chatonsinfos.DeclaredView;
import org.chatons.entraide.broker.chatonsinfos.Declarations;
import org.chatons.entraide.broker.members.MemberDirectory;
import org.chatons.entraide.broker.publicprobe.OutsideHttp;
import org.chatons.entraide.broker.publicprobe.PublicProbeConfig;
import org.chatons.entraide.broker.publicprobe.PublicProber;
import org.chatons.entraide.probes.software.Softwares;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The broker's ChatonsInfos refresh on a federation of {@code --orgs} organizations with {@code --services} services
 * each (defaults 100 and 5), served over HTTP on the loopback by this process: time of a refresh (crawl and
 * declarations), requests per refresh, heap retained by the view and the last good copies, and the time of one round
 * of public probes of every declared host. The broker's own settings (application.yml's defaults). Run with
 * {@code bench/chatonsinfos.sh}; results in BENCHMARKS.md.
 */
@Command(name = "CrawlBench", mixinStandardHelpOptions = true,
        description = "The broker's ChatonsInfos refresh on a federation served by this process.")
public final class CrawlBench implements Callable<Integer> {

    @Option(names = "--orgs", paramLabel = "N", description = "organizations (default 100)")
    int orgs = 100;
    @Option(names = "--services", paramLabel = "N", description = "services per organization (default 5)")
    int services = 5;
    @Option(names = "--rounds", paramLabel = "N", description = "refreshes timed (default 10)")
    int rounds = 10;

    private CrawlBench() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CrawlBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {

        AtomicInteger requests = new AtomicInteger();
        Map<String, byte[]> files = new HashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        generate(files, origin, orgs, services);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                byte[] body = files.get(exchange.getRequestURI().getPath());
                if (body == null) {
                    body = "<html>ok</html>".getBytes(StandardCharsets.UTF_8); // a declared service's page
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();

        ChatonsInfosConfig config = new ChatonsInfosConfig(origin + "/federation.properties", Duration.ofHours(1), 50,
                3000, 200, 262_144, Duration.ofSeconds(10), Duration.ofMinutes(5), 4, Duration.ofDays(3));
        String agent = "Entraide-broker/bench (+https://entraide.chatons.org/)";
        ExecutorService pool = Executors.newFixedThreadPool(config.concurrency());
        OutsideHttp http = new OutsideHttp(config.requestTimeout(), config.maxFileBytes(), agent);
        Declarations declarations = new Declarations(new MemberDirectory(List.of()), s -> true, Softwares.load());
        long heapBefore = usedHeapAfterGc();
        Crawler crawler = new Crawler(config, http, pool, Clock.systemUTC());

        long[] nanos = new long[rounds];
        int[] perRefresh = new int[rounds];
        DeclaredView view = null;
        for (int warm = 0; warm < 3; warm++) {
            view = declarations.of(crawler.crawl(), LocalDate.now());
        }
        for (int r = 0; r < rounds; r++) {
            int before = requests.get();
            long start = System.nanoTime();
            Crawl crawl = crawler.crawl();
            view = declarations.of(crawl, LocalDate.now());
            nanos[r] = System.nanoTime() - start;
            perRefresh[r] = requests.get() - before;
        }
        long heapAfter = usedHeapAfterGc();

        PublicProbeConfig probes = new PublicProbeConfig(Duration.ofSeconds(60), Duration.ofSeconds(10), 262_144, 8,
                agent, 3, Duration.ofMinutes(10));
        PublicProber prober = new PublicProber(probes, Clock.systemUTC());
        ExecutorService probePool = Executors.newFixedThreadPool(probes.concurrency());
        long[] probeNanos = new long[3];
        int probeRequests = 0;
        for (int r = 0; r < probeNanos.length; r++) {
            int before = requests.get();
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (DeclaredHost host : view.hosts()) {
                running.add(probePool.submit(() -> prober.probe(host.url(), host.probe())));
            }
            for (Future<?> f : running) {
                f.get();
            }
            probeNanos[r] = System.nanoTime() - start;
            probeRequests = requests.get() - before;
        }

        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "federation: %d organizations x %d services, %d bytes served%n", orgs, services,
                files.values().stream().mapToLong(b -> b.length).sum());
        System.out.printf(Locale.ROOT, "view: %d members, %d hosts, %d refusals%n", view.members().size(),
                view.hosts().size(), view.refusals().size());
        System.out.printf(Locale.ROOT, "refresh (crawl + declarations), %d rounds: median %.0f ms, min %.0f ms, "
                + "max %.0f ms%n", rounds, nanos[rounds / 2] / 1e6, nanos[0] / 1e6, nanos[rounds - 1] / 1e6);
        System.out.printf(Locale.ROOT, "requests per refresh: %s%n", Arrays.toString(perRefresh));
        System.out.printf(Locale.ROOT, "heap retained (view + last good copies + client), after GC: %.1f MiB%n",
                (heapAfter - heapBefore) / 1048576.0);
        Arrays.sort(probeNanos);
        System.out.printf(Locale.ROOT, "public probe round of %d hosts (concurrency %d): median %.0f ms, %d requests%n",
                view.hosts().size(), probes.concurrency(), probeNanos[1] / 1e6, probeRequests);

        prober.close();
        probePool.shutdownNow();
        http.close();
        pool.shutdownNow();
        server.stop(0);
        return 0; // main exits, past the HTTP client's threads
    }

    /** Files shaped like the reference's sample (metrics lines included), one organization in five on Latin-1. */
    static void generate(Map<String, byte[]> files, String origin, int orgs, int services) {
        String[] software = {"Etherpad", "Jitsi Meet", "Framadate", "Lufi", "Nextcloud", "Mastodon", "PeerTube"};
        StringBuilder federation = new StringBuilder("file.class = Federation\nfile.protocol = ChatonsInfos-0.5\n"
                + "federation.name = BENCH\nfederation.website = https://bench.example.org/\n\n# [Subs]\n");
        for (int o = 0; o < orgs; o++) {
            federation.append("subs.org").append(o).append(" = '").append(origin).append("/org").append(o)
                    .append("/organization.properties'\n");
            StringBuilder org = new StringBuilder("# [File]\r\nfile.class = Organization\r\nfile.datetime = 2025-05-12T08:00:00\r\n"
                    + "organization.name = Organisation numéro " + o + "\r\norganization.website = " + origin + "/\r\n"
                    + "organization.country.code = FR\r\norganization.memberof.bench.startdate = 01/09/2021\r\n"
                    + "organization.memberof.bench.status.level = ACTIVE\r\n\r\n# [Subs]\r\n");
            for (int s = 0; s < services; s++) {
                org.append("subs.s").append(s).append(" = s").append(s).append(".properties\r\n");
                StringBuilder service = new StringBuilder("# [File]\nfile.class = Service\nfile.protocol = ChatonsInfos-0.5\n"
                        + "file.datetime = 2025-05-12T08:00:00\n\n# [Service]\nservice.name = Service " + s + " de l'organisation "
                        + o + "\nservice.description = Un service libre hébergé par l'organisation\nservice.website = "
                        + origin + "/org" + o + "/s" + s + "/\nservice.startdate = 01/06/2020\nservice.status.level = OK\n"
                        + "service.registration = " + (s == 4 ? "Member" : "None") + "\nservice.registration.load = OPEN\n\n"
                        + "# [Software]\nsoftware.name = " + software[(o + s) % software.length] + "\n"
                        + "software.license.name = AGPL-3.0-only\n\n# [Host]\nhost.name = Org " + o + "\n"
                        + "host.server.type = VIRTUAL\nhost.provider.type = HOME\n\n# [Metrics]\n");
                for (int y = 2022; y <= 2024; y++) {
                    service.append("metrics.http.hits.").append(y).append(".months = ");
                    for (int m = 0; m < 12; m++) {
                        service.append(100_000 + o * 37 + s * 11 + m * 1013).append(m < 11 ? ";" : "\n");
                    }
                }
                files.put("/org" + o + "/s" + s + ".properties", bytes(service.toString(), o));
            }
            files.put("/org" + o + "/organization.properties", bytes(org.toString(), o));
        }
        files.put("/federation.properties", federation.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text, int org) {
        return text.getBytes(org % 5 == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
