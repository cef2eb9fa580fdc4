package org.chatons.entraide.broker.chatonsinfos;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import org.chatons.entraide.broker.config.SchedulingSwitch;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.chatons.entraide.broker.catalogue.ServiceCatalogue;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.config.StartupError;
import org.chatons.entraide.broker.members.Members;
import org.chatons.entraide.broker.publicprobe.OutsideHttp;
import org.chatons.entraide.broker.publicprobe.PublicProbeConfig;
import org.chatons.entraide.broker.publicprobe.PublicProber;
import org.chatons.entraide.broker.publicprobe.PublicProber.Probed;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.probes.software.Softwares;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federation as its ChatonsInfos files declare it, kept up to date: read every {@code broker.chatonsinfos.refresh}
 * (a federation file that cannot be read leaves the last good view in force, says why in the log and in
 * {@link #status()}), each declared host probed from outside every {@code broker.public-probe.interval}, and both fed
 * to the registry through {@link DeclaredHostsFeed}. Does nothing when no federation is configured.
 */
@Singleton
public final class ChatonsInfos implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatonsInfos.class);

    /**
     * How the last refreshes went.
     *
     * @param enabled      whether a federation is configured
     * @param lastAttempt  when the last refresh began, or null
     * @param lastSuccess  when the last refresh that could read the federation file began, or null
     * @param problem      why the last refresh could not read the federation file, or null when it could
     */
    public record Status(boolean enabled, Instant lastAttempt, Instant lastSuccess, String problem) {

        public boolean readable() {
            return problem == null;
        }
    }

    private final ChatonsInfosConfig config;
    private final PublicProbeConfig probeConfig;
    private final Clock clock;
    private final ZoneId zone;
    private final Declarations declarations;
    private final DeclaredHostsFeed feed;
    private final ExecutorService crawlPool;
    private final ExecutorService probePool;
    private final OutsideHttp crawlHttp;
    private final Crawler crawler;
    private final PublicProber prober;
    private final MeterRegistry meters;
    /** The last probe of each declared host (by address), kept three intervals: a host no longer probed goes. */
    private final Cache<URI, Probed> probes;
    private final AtomicReference<DeclaredView> view = new AtomicReference<>(DeclaredView.empty());
    private final AtomicReference<Status> status;

    public ChatonsInfos(ChatonsInfosConfig config, PublicProbeConfig probeConfig, BrokerConfig broker,
                        Members members, ServiceCatalogue catalogue, Softwares softwares, HostRegistry registry,
                        Clock clock, MeterRegistry meters) {
        // A declared host's report is as old as its last probe, and goes stale after a few probe intervals within
        // broker.stale-after-min and -max, like an agent's.
        if (config.enabled() && probeConfig.interval().compareTo(broker.staleAfterMax()) >= 0) {
            throw new StartupError("broker.public-probe.interval: " + probeConfig.interval()
                    + " (expected: shorter than broker.stale-after-max, " + broker.staleAfterMax()
                    + ", or every declared host is STALE between two probes)");
        }
        this.config = config;
        this.probeConfig = probeConfig;
        this.clock = clock;
        this.zone = broker.zone();
        this.meters = meters;
        this.declarations = new Declarations(members::current, catalogue::contains, softwares);
        this.feed = new DeclaredHostsFeed(registry, config.capacityUsers(),
                (int) Math.max(1, probeConfig.interval().toSeconds()));
        this.crawlPool = Executors.newFixedThreadPool(config.concurrency(), daemon("chatonsinfos-read"));
        this.probePool = Executors.newFixedThreadPool(probeConfig.concurrency(), daemon("public-probe"));
        this.crawlHttp = new OutsideHttp(config.requestTimeout(), config.maxFileBytes(), probeConfig.userAgent());
        this.crawler = new Crawler(config, crawlHttp, crawlPool, clock);
        this.prober = new PublicProber(probeConfig, clock);
        this.probes = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(probeConfig.interval().multipliedBy(3)).build();
        this.status = new AtomicReference<>(new Status(config.enabled(), null, null, null));
    }

    /** Reads the federation again (scheduled every {@code broker.chatonsinfos.refresh}); then feeds the registry. */
    @Scheduled(fixedDelay = "${broker.chatonsinfos.refresh}", initialDelay = "1s", condition = SchedulingSwitch.ON)
    public void refresh() {
        if (!config.enabled()) {
            return;
        }
        Instant started = clock.instant();
        try {
            Crawl crawl = crawler.crawl();
            DeclaredView next = declarations.of(crawl, started.atZone(zone).toLocalDate());
            view.set(next);
            status.set(new Status(true, started, started, null));
            LOG.info("ChatonsInfos {}: {} members, {} hosts, {} refused, {} of {} files unreadable ({} from their last"
                    + " good copy), {} requests", crawl.federation(), next.members().size(), next.hosts().size(),
                    next.refusals().size(), next.unreadable(), next.files(), next.lastGoodCopies(), next.requests());
        } catch (Crawler.FederationUnreadable e) {
            Status before = status.get();
            status.set(new Status(true, started, before.lastSuccess(), e.getMessage()));
            LOG.warn("ChatonsInfos federation file unreadable, the last good view stays in force: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // Hosts new to this view are probed at once rather than listed as "not probed yet" for an interval.
        probe(view.get().hosts().stream().filter(h -> probed(h).isEmpty()).toList());
        feed.feed(view.get(), this::probed, clock.instant());
    }

    /** Probes every declared host once (scheduled every {@code broker.public-probe.interval}); then feeds. */
    @Scheduled(fixedDelay = "${broker.public-probe.interval}", initialDelay = "${broker.public-probe.interval}",
            condition = SchedulingSwitch.ON)
    public void probeAll() {
        if (!config.enabled()) {
            return;
        }
        DeclaredView current = view.get();
        probe(current.hosts());
        feed.feed(current, this::probed, clock.instant());
    }

    /**
     * Probes the hosts, at most {@code concurrency} at once, except those probed less than half an interval ago: one
     * request per host per interval, even when a refresh has just probed the hosts it found new.
     */
    private void probe(List<DeclaredHost> hosts) {
        Instant recent = clock.instant().minus(probeConfig.interval().dividedBy(2));
        List<Future<?>> running = new ArrayList<>();
        for (DeclaredHost host : hosts) {
            Optional<Probed> last = probed(host);
            if (last.isPresent() && last.get().at().isAfter(recent)) {
                continue;
            }
            running.add(probePool.submit(() -> {
                Probed probed = prober.probe(host.url(), host.probe());
                probes.put(host.url(), probed);
                meters.counter("entraide.public.probes", "outcome", probed.skipped() ? "skipped"
                        : probed.measurement().status().name().toLowerCase()).increment();
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.warn("A public probe failed", e.getCause());
            }
        }
    }

    private Optional<Probed> probed(DeclaredHost host) {
        return Optional.ofNullable(probes.getIfPresent(host.url()));
    }

    /** What the files declare now (empty before the first good refresh). */
    public DeclaredView view() {
        return view.get();
    }

    /** How the refreshes went. */
    public Status status() {
        return status.get();
    }

    /** The last probe of a declared host, if it is recent. */
    public Optional<Probed> lastProbe(DeclaredHost host) {
        return probed(host);
    }

    /** Daemon threads, so a stuck read never keeps the broker from stopping. */
    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @PreDestroy
    @Override
    public void close() {
        crawlPool.shutdownNow();
        probePool.shutdownNow();
        crawlHttp.close();
        prober.close();
    }
}
