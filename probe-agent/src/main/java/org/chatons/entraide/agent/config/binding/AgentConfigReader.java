package org.chatons.entraide.agent.config.binding;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.chatons.entraide.agent.config.AgentConfig;
import org.chatons.entraide.agent.config.ConfigException;
import org.chatons.entraide.agent.config.ConfigParser;
import org.chatons.entraide.agent.config.HostConfig;
import org.chatons.entraide.agent.config.SecretRef;
import org.chatons.entraide.protocol.WireRules;
import org.chatons.entraide.yaml.At;
import org.chatons.entraide.yaml.YamlBinder;

/**
 * Binds {@code probe-agent.yml} to {@link RawConfig} with Jackson's YAML data binding, then checks it: every
 * message reads {@code probe-agent.yml line 12: hosts[1].capacity-users: ...}. Unknown keys are errors (a misspelt
 * optional key would otherwise be silently ignored), and all problems are reported at once. What ends up in a
 * report (ids, the host URLs, the interval, how many hosts) is checked with the brokers' own {@link WireRules}, in
 * their words: a configuration the brokers would refuse does not start.
 */
public final class AgentConfigReader implements ConfigParser {

    /** Defaults, as the README's table of keys gives them. */
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int METRICS_PORT = 9464;

    @Override
    public AgentConfig parse(String text, Path file, Set<String> knownSoftware) throws ConfigException {
        String name = String.valueOf(file.getFileName());
        YamlBinder.Bound<RawConfig> bound;
        try {
            bound = YamlBinder.bind(text, RawConfig.class);
        } catch (YamlBinder.Unparsable e) {
            throw new ConfigException(List.of(name + (e.line() > 0 ? " line " + e.line() : "") + ": " + e.getMessage()));
        }
        if (bound.root() == null || bound.root().value() == null) {
            throw new ConfigException(List.of(name + ": must be a YAML mapping with member, brokers, hosts..."));
        }
        Problems problems = new Problems(name, bound.unknownKeys());
        RawConfig raw = bound.root().value();
        int top = bound.root().line();
        problems.unknownKeys("");

        String member = problems.id(raw.member(), "member", top);
        SecretRef token = problems.secret(raw.tokenEnv(), raw.tokenFile(), "", "token-env", "token-file", true, top);
        List<URI> brokers = brokers(problems, raw.brokers(), top);
        Duration interval = interval(problems, raw.interval());
        Duration timeout = problems.duration(raw.timeout(), "timeout", TIMEOUT, Duration.ofMillis(100));
        if (interval != null && timeout != null && timeout.compareTo(interval) >= 0) {
            if (raw.timeout() != null) {
                problems.add(raw.timeout().line(), "timeout", "must be shorter than interval (" + interval.toSeconds() + "s)");
            } else {
                problems.add(raw.interval().line(), "timeout", "must be shorter than interval (" + interval.toSeconds()
                        + "s), and is " + TIMEOUT.toSeconds() + "s when not given: set a shorter one, such as 2s");
            }
        }
        Integer metricsPort = problems.integer(raw.metricsPort(), "metrics-port", 0, 65535, METRICS_PORT);
        List<HostConfig> hosts = hosts(problems, raw.hosts(), top, new TreeSet<>(knownSoftware));
        Double fullAt = problems.fraction(raw.chatonsinfosFullAt(), "chatonsinfos-full-at", AgentConfig.FULL_AT);
        Double openBelow = problems.fraction(raw.chatonsinfosOpenBelow(), "chatonsinfos-open-below", AgentConfig.OPEN_BELOW);
        if (fullAt != null && openBelow != null && openBelow >= fullAt) {
            problems.add(raw.chatonsinfosOpenBelow() != null ? raw.chatonsinfosOpenBelow().line() : top,
                    "chatonsinfos-open-below", "must be lower than chatonsinfos-full-at (" + fullAt + ")");
        }
        if (!problems.list.isEmpty()) {
            throw new ConfigException(problems.list);
        }
        // A relative chatonsinfos-file is taken from the configuration file's folder, like the drain file beside it.
        Path folder = file.toAbsolutePath().getParent();
        hosts.replaceAll(h -> h.chatonsinfosFile() == null || h.chatonsinfosFile().isAbsolute() ? h
                : new HostConfig(h.id(), h.service(), h.software(), h.url(), h.probeUrl(), h.capacityUsers(), h.secret(),
                        h.acceptsNewUsers(), folder.resolve(h.chatonsinfosFile()), h.rooms()));
        return new AgentConfig(file.toAbsolutePath(), member, token, brokers, interval, timeout, metricsPort, hosts,
                problems.warnings, fullAt, openBelow);
    }

    private static List<URI> brokers(Problems problems, At<List<At<String>>> at, int top) {
        List<URI> brokers = new ArrayList<>();
        if (at == null) {
            problems.add(top, "brokers", "is required: the list of broker URLs that get the reports");
        } else if (at.unreadable() || at.value() == null || at.value().isEmpty()) {
            problems.add(at.line(), "brokers", "must be a list of one or more broker URLs");
        } else {
            for (int i = 0; i < at.value().size(); i++) {
                URI uri = brokerUrl(problems, at.value().get(i), "brokers[" + i + "]");
                if (uri != null) {
                    brokers.add(uri);
                }
            }
        }
        return brokers;
    }

    /**
     * A broker's base URL: no user name (the member's token is the credential), nothing after the path. Plain http
     * away from this machine is taken with a warning: the token then travels in clear, which only a private
     * network (docker-compose's) makes acceptable.
     */
    private static URI brokerUrl(Problems problems, At<String> at, String key) {
        URI uri = HostReader.probeUrl(problems, at, key);
        if (uri == null) {
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add(at.line(), key, "must be the broker's base URL, without '?' or '#', got '" + uri + "'");
            return null;
        }
        if (!WireRules.isSecureOrLoopback(uri)) {
            problems.warn(at.line(), key, "'" + uri + "' is plain http: the member's token travels unencrypted (use"
                    + " https unless the broker is on a private network)");
        }
        return uri;
    }

    /** How often a full report goes out: whole seconds, in the range the brokers take. */
    private static Duration interval(Problems problems, At<Duration> at) {
        Duration interval = problems.duration(at, "interval", INTERVAL, Duration.ofSeconds(1));
        if (interval == null || at == null) {
            return interval;
        }
        if (interval.toMillis() % 1000 != 0) {
            problems.add(at.line(), "interval", "must be a whole number of seconds (reports carry seconds), got '"
                    + at.text().strip() + "'");
            return null;
        }
        long seconds = interval.toSeconds();
        String problem = WireRules.intervalProblem(seconds > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) seconds);
        if (problem != null) {
            problems.add(at.line(), "interval", problem);
            return null;
        }
        return interval;
    }

    private static List<HostConfig> hosts(Problems problems, At<List<At<RawHost>>> at, int top, Set<String> software) {
        List<HostConfig> hosts = new ArrayList<>();
        if (at == null) {
            problems.add(top, "hosts", "is required: the list of the member's hosts");
            return hosts;
        }
        if (at.unreadable() || at.value() == null || at.value().isEmpty()) {
            problems.add(at.line(), "hosts", "must be a list of one or more hosts");
            return hosts;
        }
        String count = WireRules.hostCountProblem(at.value().size());
        if (count != null) {
            problems.add(at.line(), "hosts", count);
        }
        HostReader reader = new HostReader(problems, software);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < at.value().size(); i++) {
            At<RawHost> entry = at.value().get(i);
            HostConfig host = reader.host(entry, "hosts[" + i + "]");
            if (host != null && !seen.add(host.id())) {
                problems.add(entry.line(), "hosts[" + i + "].id", "'" + host.id() + "' is used by another host already");
            }
            hosts.add(host);
        }
        return hosts;
    }
}
