package org.chatons.entraide.agent.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.chatons.entraide.agent.ProbeAgent;
import org.chatons.entraide.agent.adapters.ProbeResult;
import org.chatons.entraide.agent.adapters.ProbeRunner;
import org.chatons.entraide.agent.chatonsinfos.ChatonsInfosKeeper;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.Credentials;
import org.chatons.entraide.agent.config.DrainFile;
import org.chatons.entraide.agent.metrics.AgentMetrics.PushOutcome;
import org.chatons.entraide.agent.metrics.AgentMetrics;
import org.chatons.entraide.agent.reporting.BrokerClient;
import org.chatons.entraide.agent.reporting.PushResult;
import org.chatons.entraide.agent.reporting.ReportBuilder;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check}: the first thing a sysadmin runs. Probes every host once, prints what each broker would be told,
 * and has each broker validate the report and the token with a dry run that changes nothing there.
 * Exits 1 when a host is not UP or a broker refuses, 2 when the configuration is wrong. With
 * {@code --config-only} it reads the configuration and the secrets and stops there: what a service manager runs
 * before each start, where a host that is down or a broker not yet reachable must not keep the agent from starting.
 */
@Command(name = "check", description = "Probe every host once, print a table, validate the token with every broker.")
public final class CheckCommand extends AgentCommand {

    private static final String ROW = "%-16s %-10s %-9s %6s %8s %5s %-9s %s%n";
    /** Debian's web servers' group (nginx, Apache), which reads the ChatonsInfos files the agent rewrites. */
    private static final String WEB_GROUP = "www-data";
    private static final String ROOT = "root";
    private static final int SETGID = 02000;

    @Option(names = "--config-only",
            description = "Only read the configuration and the secrets: no probe, no broker (for systemd's ExecStartPre).")
    boolean configOnly;

    CheckCommand(Map<String, String> env, Clock clock) {
        super(env, clock);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Loaded loaded = load(true);
        if (loaded == null) {
            return Loaded.CONFIG_ERROR;
        }
        AgentConfig agentConfig = loaded.config();
        if (configOnly) {
            out.printf("%s: %d hosts, %d brokers, token read.%n", agentConfig.file(), agentConfig.hosts().size(),
                    agentConfig.brokers().size());
            return 0;
        }
        Credentials credentials = loaded.credentials();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(ProbeAgent.MAX_PROBE_THREADS, agentConfig.hosts().size()));
        ExecutorService httpPool = Executors.newFixedThreadPool(2);
        try {
            HttpClient http = ProbeRunner.httpClient(agentConfig.timeout(), httpPool);
            ProbeRunner runner = new ProbeRunner(loaded.adapters(), http, pool, agentConfig.timeout(), clock,
                    new AgentMetrics(new SimpleMeterRegistry()));
            List<ProbeResult> results = runner.probeAll(agentConfig.hosts(), credentials.hostSecrets());
            Map<String, ProbeResult> latest = new HashMap<>();
            results.forEach(r -> latest.put(r.hostId(), r));
            Set<String> drained = DrainFile.beside(agentConfig.file()).read();
            Report report = new ReportBuilder(agentConfig, clock).build(latest, drained);

            boolean allUp = printTable(out, report);
            out.println();
            boolean filesOk = printChatonsInfosFiles(out, agentConfig, report);
            boolean brokersOk = true;
            for (URI broker : agentConfig.brokers()) {
                PushResult answer = new BrokerClient(http, broker, credentials.token(), agentConfig.timeout())
                        .push(report, true);
                boolean ok = answer.outcome() == PushOutcome.SUCCESS;
                brokersOk &= ok;
                out.printf("broker %s: %s (%s) %s%n", BrokerClient.name(broker), ok ? "OK" : "REFUSED",
                        answer.status() == 0 ? "no answer" : String.valueOf(answer.status()), answer.detail());
            }
            out.println();
            out.println(allUp && brokersOk && filesOk ? "All good." : (allUp ? "" : "Some hosts are not UP. ")
                    + (brokersOk ? "" : "Some brokers refuse the report or do not answer. ")
                    + (filesOk ? "" : "Some ChatonsInfos files cannot be kept."));
            return allUp && brokersOk && filesOk ? 0 : 1;
        } finally {
            pool.shutdownNow();
            httpPool.shutdownNow();
        }
    }

    /**
     * What the agent would write in each host's ChatonsInfos file, without writing it: the lines that would change,
     * or that it is right already, or what is wrong with it. False when a file cannot be kept.
     */
    private boolean printChatonsInfosFiles(PrintWriter out, AgentConfig config, Report report) {
        Map<String, HostReport> byId = new HashMap<>();
        report.hosts().forEach(h -> byId.put(h.id(), h));
        List<ChatonsInfosKeeper.Outcome> outcomes = ChatonsInfosKeeper.of(config, clock).keep(config.hosts(), byId,
                false);
        boolean ok = true;
        for (ChatonsInfosKeeper.Outcome o : outcomes) {
            if (o.problem() != null) {
                ok = false;
                out.printf("chatonsinfos %s %s: %s%n", o.hostId(), o.file(), o.problem());
            } else if (o.rewrite().changes()) {
                out.printf("chatonsinfos %s %s: would write service.registration.load %s -> %s%n", o.hostId(), o.file(),
                        o.rewrite().before(), o.rewrite().after());
                o.rewrite().lines().forEach(line -> out.println("    " + line));
            } else {
                out.printf("chatonsinfos %s %s: service.registration.load = %s, right as it is%n", o.hostId(),
                        o.file(), o.rewrite().before());
            }
        }
        if (!outcomes.isEmpty()) {
            out.println();
            printDropIn(out, outcomes);
        }
        return ok;
    }

    /**
     * The Debian package's service may write only its own folders ({@code ProtectSystem=strict}) and runs as a
     * throwaway user ({@code DynamicUser=}): what lets it rewrite these files where the web server reads them, a
     * drop-in giving it their folders and the web server's group, which owns the folders. The group is the one that
     * already owns them when it is one group and not root's (a member's nginx or Apache may run under another);
     * else Debian's. A folder already set up so ({@code chgrp}, {@code chmod g+ws}) needs nothing more.
     */
    private static void printDropIn(PrintWriter out, List<ChatonsInfosKeeper.Outcome> outcomes) {
        Set<Path> folders = new TreeSet<>();
        outcomes.forEach(o -> folders.add(o.file().toAbsolutePath().getParent()));
        Map<Path, PosixFileAttributes> owners = new TreeMap<>();
        for (Path folder : folders) {
            try {
                owners.put(folder, Files.readAttributes(folder, PosixFileAttributes.class));
            } catch (IOException | UnsupportedOperationException e) {
                // Unreadable or not POSIX: the drop-in names Debian's group and every folder.
            }
        }
        Set<String> groups = new TreeSet<>();
        owners.values().forEach(a -> groups.add(a.group().getName()));
        String group = groups.size() == 1 && !groups.contains(ROOT) ? groups.iterator().next() : WEB_GROUP;
        out.println("Under the Debian package's service, to let it rewrite these files:"
                + " systemctl edit entraide-probe-agent, and write");
        out.println("    [Service]");
        folders.forEach(folder -> out.println("    ReadWritePaths=" + folder));
        out.println("    SupplementaryGroups=" + group);
        List<Path> toGive = folders.stream().filter(folder -> !givenTo(folder, owners.get(folder), group)).toList();
        if (!toGive.isEmpty()) {
            out.println("then give each folder to the web server's group (" + group
                    + (group.equals(WEB_GROUP) ? " on Debian" : ", which owns them") + "), writable by it:");
            toGive.forEach(folder -> out.println("    chgrp " + group + " " + folder + " && chmod g+ws " + folder));
        }
        out.println();
    }

    /**
     * Whether the folder is the group's, writable by it, and passes it on to the files made in it (setgid: the agent
     * replaces a file by a new one, which must stay readable by the web server).
     */
    private static boolean givenTo(Path folder, PosixFileAttributes attributes, String group) {
        if (attributes == null || !attributes.group().getName().equals(group)
                || !attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)) {
            return false;
        }
        try {
            return Files.getAttribute(folder, "unix:mode") instanceof Integer mode && (mode & SETGID) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** What each broker is told; "?" for a user count or a load that is unknown (sent as null). */
    private static boolean printTable(PrintWriter out, Report report) {
        out.printf(ROW, "HOST", "SOFTWARE", "STATUS", "USERS", "CAPACITY", "LOAD", "ACCEPTING", "REASON");
        boolean allUp = true;
        for (HostReport host : report.hosts()) {
            allUp &= host.status() == HostStatus.UP;
            // What the broker will use: the software's load, or users over capacity.
            double load = host.effectiveLoad();
            out.printf(ROW, host.id(), host.software(), host.status(),
                    host.activeUsers() == null ? "?" : host.activeUsers(), host.capacityUsers(),
                    Double.isNaN(load) ? "?" : String.format(Locale.ROOT, "%.2f", load),
                    host.acceptsNewUsers() ? "yes" : "no", host.detail());
        }
        return allUp;
    }
}
