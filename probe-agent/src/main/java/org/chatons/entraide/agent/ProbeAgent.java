package org.chatons.entraide.agent;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatons.entraide.agent.adapters.AdapterRegistry;
import org.chatons.entraide.agent.adapters.ProbeResult;
import org.chatons.entraide.agent.adapters.ProbeRunner;
import org.chatons.entraide.agent.chatonsinfos.ChatonsInfosKeeper;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.Credentials;
import org.chatons.entraide.agent.config.DrainFile;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.agent.reporting.BrokerChannel;
import org.chatons.entraide.agent.reporting.BrokerClient;
import org.chatons.entraide.agent.reporting.PushPolicy;
import org.chatons.entraide.agent.reporting.ReportBuilder;
import org.chatons.entraide.agent.reporting.Reporter;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent. Hosts are measured three times per interval; a full report goes to every broker once per
 * interval, and at once whenever a host changes status or starts or stops taking new users, or a host is drained
 * or undrained. Probing and reporting run on different threads, so a broker that hangs never delays a probe.
 *
 * <p>What happens when is decided in {@link #probeRound()}, {@link #reportAll()} and {@link #checkDrainFile()},
 * each of which says which report it handed to the brokers; {@link #start()} only calls them on timers. Tests call
 * them directly, so no test depends on how fast a busy machine runs the timers.
 *
 * <p>Threads are bounded: two for scheduling, at most eight for probes, two for the HTTP client, one per broker.
 */
public final class ProbeAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeAgent.class);
    /** How often the drain file is looked at: a drain should take effect within seconds. */
    static final Duration DRAIN_POLL = Duration.ofSeconds(1);
    /** Probes at once: enough for a member's usual handful of hosts, bounded for the odd large one. */
    public static final int MAX_PROBE_THREADS = 8;

    private final AgentConfig config;
    private final Credentials credentials;
    private final DrainFile drainFile;
    private final ProbeRunner runner;
    private final ReportBuilder builder;
    private final Reporter reporter;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService probePool;
    private final ExecutorService httpPool;
    private final Cadence cadence;
    private final Map<String, ProbeResult> latest = new ConcurrentHashMap<>();
    private final ChatonsInfosKeeper keeper;
    private volatile Set<String> drained = Set.of();

    /**
     * How often the agent measures and reports.
     *
     * @param probeEvery  the pause between two rounds of probes
     * @param reportEvery the period of full reports, sent even when nothing changed
     */
    public record Cadence(Duration probeEvery, Duration reportEvery) {

        /** Three probe rounds per interval (at least one second apart), so a change is seen well before the next report. */
        public static Cadence of(AgentConfig config) {
            Duration third = config.interval().dividedBy(3);
            return new Cadence(third.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : third, config.interval());
        }
    }

    /**
     * Builds the agent; {@link #start()} sets it going.
     *
     * @param config      the validated configuration
     * @param credentials its token and secrets, already read
     * @param registry    the adapters
     * @param clock       the time source
     * @param policy      retry and circuit breaker settings for the brokers
     * @param meters      where the agent's metrics go
     * @param cadence     how often to probe and report, normally {@link Cadence#of(AgentConfig)}
     */
    public ProbeAgent(AgentConfig config, Credentials credentials, AdapterRegistry registry, Clock clock,
                      PushPolicy policy, MeterRegistry meters, Cadence cadence) {
        this.config = config;
        this.cadence = cadence;
        this.credentials = credentials;
        this.drainFile = DrainFile.beside(config.file());
        AgentMetrics metrics = new AgentMetrics(meters);
        this.scheduler = Executors.newScheduledThreadPool(2, daemon("agent"));
        this.probePool = Executors.newFixedThreadPool(Math.min(MAX_PROBE_THREADS, config.hosts().size()), daemon("probe"));
        this.httpPool = Executors.newFixedThreadPool(2, daemon("http"));
        HttpClient http = ProbeRunner.httpClient(config.timeout(), httpPool);
        this.runner = new ProbeRunner(registry, http, probePool, config.timeout(), clock, metrics);
        this.builder = new ReportBuilder(config, clock);
        this.keeper = ChatonsInfosKeeper.of(config, clock);
        // A push may take as long as a probe: a broker slower than that is treated as unavailable.
        this.reporter = new Reporter(config.brokers(), http, credentials.token(), config.timeout().plusSeconds(5),
                policy, metrics, clock);
    }

    /** Starts measuring and reporting; returns at once. */
    public void start() throws IOException {
        drained = drainFile.read();
        long period = cadence.probeEvery().toMillis();
        long reportEvery = cadence.reportEvery().toMillis();
        scheduler.scheduleWithFixedDelay(guarded("probe round", this::probeRound), 0, period, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(guarded("report", this::reportAll), reportEvery, reportEvery,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded("drain file", this::checkDrainFile), DRAIN_POLL.toMillis(),
                DRAIN_POLL.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Probe agent for member {}: {} hosts measured every {} ms, reporting every {} ms to {}",
                config.member(), config.hosts().size(), period, reportEvery,
                config.brokers().stream().map(BrokerClient::name).toList());
    }

    /**
     * Probes every host once and, when a host changed status or started or stopped taking new users (or this is
     * the first round), hands a report to the brokers at once.
     *
     * @return the report handed over, or empty when nothing changed
     */
    public Optional<Report> probeRound() throws InterruptedException {
        List<ProbeResult> results = runner.probeAll(config.hosts(), credentials.hostSecrets());
        boolean changed = false;
        for (ProbeResult result : results) {
            Measurement now = result.measurement();
            ProbeResult before = latest.put(result.hostId(), result);
            if (before == null || before.measurement().status() != now.status()
                    || !Objects.equals(before.measurement().acceptsNewUsers(), now.acceptsNewUsers())) {
                changed = true;
                LOG.info("Host {}: {} ({})", result.hostId(), now.status(), now.reason());
            }
        }
        keeper.afterRound(latest, drained);
        return changed ? push("change") : Optional.empty();
    }

    /**
     * The full report due every interval, changed or not, so brokers know the agent is alive.
     *
     * @return the report handed over, or empty before the first round is over
     */
    public Optional<Report> reportAll() {
        return push("interval");
    }

    /**
     * Reads the drain file; when the hosts in maintenance changed, hands a report to the brokers at once.
     *
     * @return the report handed over, or empty when nothing changed
     */
    public Optional<Report> checkDrainFile() throws IOException {
        Set<String> now = drainFile.read();
        if (now.equals(drained)) {
            return Optional.empty();
        }
        LOG.info("Hosts in maintenance: {}", now.isEmpty() ? "none" : now);
        drained = now;
        return push("drain");
    }

    /** The brokers' channels, one per broker, to see their last answers. */
    public List<BrokerChannel> channels() {
        return reporter.channels();
    }

    private synchronized Optional<Report> push(String why) {
        if (latest.size() < config.hosts().size()) {
            return Optional.empty(); // the first round is not over: a report must list every host
        }
        LOG.debug("Report ({})", why);
        Report report = builder.build(latest, drained);
        reporter.offer(report);
        return Optional.of(report);
    }

    /** A periodic task that logs its failures instead of dying silently (a scheduled task that throws stops). */
    private static Runnable guarded(String what, Task task) {
        return () -> {
            try {
                task.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("{} failed", what, e);
            }
        };
    }

    @FunctionalInterface
    private interface Task {
        void run() throws Exception;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        reporter.close();
        probePool.shutdownNow();
        httpPool.shutdownNow();
    }
}
