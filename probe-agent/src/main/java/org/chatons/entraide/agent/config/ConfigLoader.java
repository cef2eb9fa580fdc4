package org.chatons.entraide.agent.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chatons.entraide.protocol.WireRules;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code probe-agent.yml}. Works on SnakeYAML's node tree rather than binding to classes, because only the
 * nodes know their line: every message reads {@code probe-agent.yml line 12: hosts[1].capacity-users: ...}.
 * Unknown keys are errors (a misspelt optional key would otherwise be silently ignored), and all problems are
 * reported at once. What ends up in a report (ids, the host URLs, the interval, how many hosts) is checked with the
 * brokers' own {@link WireRules}, in their words: a configuration the brokers would refuse does not start.
 */
public final class ConfigLoader {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Set<String> TOP_KEYS = Set.of("member", "token-env", "token-file", "brokers", "interval",
            "timeout", "metrics-port", "hosts", "chatonsinfos-full-at", "chatonsinfos-open-below");
    private static final Set<String> HOST_KEYS = Set.of("id", "service", "software", "url", "probe-url",
            "capacity-users", "secret-env", "secret-file", "accepts-new-users", "chatonsinfos-file");

    private final Set<String> knownSoftware;

    /** @param knownSoftware the adapters' names, so an unknown one can be refused with the list of known ones */
    public ConfigLoader(Collection<String> knownSoftware) {
        this.knownSoftware = new TreeSet<>(knownSoftware);
    }

    /** Reads and validates the file; throws with every problem found. */
    public AgentConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read the configuration (" + e.getMessage() + ")"));
        }
        return parse(text, file);
    }

    /** Validates configuration text that was read from {@code file}. */
    public AgentConfig parse(String text, Path file) throws ConfigException {
        Problems problems = new Problems(String.valueOf(file.getFileName()));
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(List.of(problems.file + " line " + line + ": not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            throw new ConfigException(List.of(problems.file + ": not valid YAML: " + e.getMessage()));
        }
        if (!(root instanceof MappingNode top)) {
            throw new ConfigException(List.of(problems.file + ": must be a YAML mapping with member, brokers, hosts..."));
        }
        Map<String, NodeTuple> keys = problems.keys(top, "", TOP_KEYS);

        String member = problems.id(keys, "", "member", top);
        SecretRef token = problems.secret(keys, "", "token-env", "token-file", true, top);
        List<URI> brokers = new ArrayList<>();
        NodeTuple brokersTuple = keys.get("brokers");
        if (brokersTuple == null) {
            problems.add(top, "brokers", "is required: the list of broker URLs that get the reports");
        } else if (brokersTuple.getValueNode() instanceof SequenceNode list && !list.getValue().isEmpty()) {
            for (int i = 0; i < list.getValue().size(); i++) {
                URI uri = problems.brokerUrl(list.getValue().get(i), "brokers[" + i + "]");
                if (uri != null) {
                    brokers.add(uri);
                }
            }
        } else {
            problems.add(brokersTuple.getValueNode(), "brokers", "must be a list of one or more broker URLs");
        }
        Duration interval = problems.interval(keys, Duration.ofSeconds(30));
        Duration timeout = problems.duration(keys, "timeout", Duration.ofSeconds(5), Duration.ofMillis(100));
        if (interval != null && timeout != null && timeout.compareTo(interval) >= 0 && keys.containsKey("timeout")) {
            problems.add(keys.get("timeout").getValueNode(), "timeout", "must be shorter than interval (" + interval.toSeconds() + "s)");
        }
        Integer metricsPort = problems.integer(keys, "", "metrics-port", 0, 65535, 9464);

        List<HostConfig> hosts = new ArrayList<>();
        NodeTuple hostsTuple = keys.get("hosts");
        if (hostsTuple == null) {
            problems.add(top, "hosts", "is required: the list of the member's hosts");
        } else if (hostsTuple.getValueNode() instanceof SequenceNode list && !list.getValue().isEmpty()) {
            String count = WireRules.hostCountProblem(list.getValue().size());
            if (count != null) {
                problems.add(hostsTuple.getValueNode(), "hosts", count);
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.getValue().size(); i++) {
                HostConfig host = host(problems, list.getValue().get(i), "hosts[" + i + "]");
                if (host != null && !seen.add(host.id())) {
                    problems.add(list.getValue().get(i), "hosts[" + i + "].id", "'" + host.id() + "' is used by another host already");
                }
                hosts.add(host);
            }
        } else {
            problems.add(hostsTuple.getValueNode(), "hosts", "must be a list of one or more hosts");
        }

        Double fullAt = problems.fraction(keys, "chatonsinfos-full-at", AgentConfig.FULL_AT);
        Double openBelow = problems.fraction(keys, "chatonsinfos-open-below", AgentConfig.OPEN_BELOW);
        if (fullAt != null && openBelow != null && openBelow >= fullAt) {
            problems.add(keys.containsKey("chatonsinfos-open-below") ? keys.get("chatonsinfos-open-below").getValueNode()
                    : top, "chatonsinfos-open-below", "must be lower than chatonsinfos-full-at (" + fullAt + ")");
        }

        if (!problems.list.isEmpty()) {
            throw new ConfigException(problems.list);
        }
        // A relative chatonsinfos-file is taken from the configuration file's folder, like the drain file beside it.
        Path folder = file.toAbsolutePath().getParent();
        hosts.replaceAll(h -> h.chatonsinfosFile() == null || h.chatonsinfosFile().isAbsolute() ? h
                : new HostConfig(h.id(), h.service(), h.software(), h.url(), h.probeUrl(), h.capacityUsers(), h.secret(),
                        h.acceptsNewUsers(), folder.resolve(h.chatonsinfosFile())));
        return new AgentConfig(file.toAbsolutePath(), member, token, brokers, interval, timeout, metricsPort, hosts,
                problems.warnings, fullAt, openBelow);
    }

    private HostConfig host(Problems problems, Node node, String path) {
        if (!(node instanceof MappingNode map)) {
            problems.add(node, path, "must be a mapping with id, service, software, url, capacity-users");
            return null;
        }
        int before = problems.list.size();
        Map<String, NodeTuple> keys = problems.keys(map, path + ".", HOST_KEYS);
        String id = problems.id(keys, path + ".", "id", map);
        String service = problems.id(keys, path + ".", "service", map);
        String software = null;
        NodeTuple softwareTuple = keys.get("software");
        if (softwareTuple == null) {
            problems.add(map, path + ".software", "is required, one of " + knownSoftware);
        } else {
            software = problems.scalar(softwareTuple.getValueNode(), path + ".software");
            if (software != null && !knownSoftware.contains(software)) {
                problems.add(softwareTuple.getValueNode(), path + ".software",
                        "unknown software '" + software + "'; known: " + String.join(", ", knownSoftware));
                software = null;
            }
        }
        URI url = null;
        if (keys.containsKey("url")) {
            url = problems.hostUrl(keys.get("url").getValueNode(), path + ".url");
        } else {
            problems.add(map, path + ".url", "is required: where users are sent");
        }
        URI probeUrl = keys.containsKey("probe-url")
                ? problems.probeUrl(keys.get("probe-url").getValueNode(), path + ".probe-url") : url;
        Integer capacity = problems.integer(keys, path + ".", "capacity-users", 1, Integer.MAX_VALUE, null);
        if (capacity == null && !keys.containsKey("capacity-users")) {
            problems.add(map, path + ".capacity-users", "is required: how many users the host can serve");
        }
        SecretRef secret = problems.secret(keys, path + ".", "secret-env", "secret-file", false, map);
        Boolean accepts = null;
        if (keys.containsKey("accepts-new-users")) {
            String value = problems.scalar(keys.get("accepts-new-users").getValueNode(), path + ".accepts-new-users");
            if ("true".equals(value) || "false".equals(value)) {
                accepts = Boolean.valueOf(value);
            } else if (value != null) {
                problems.add(keys.get("accepts-new-users").getValueNode(), path + ".accepts-new-users",
                        "must be true or false, got '" + value + "'");
            }
        }
        Path chatonsinfosFile = null;
        if (keys.containsKey("chatonsinfos-file")) {
            String value = problems.scalar(keys.get("chatonsinfos-file").getValueNode(), path + ".chatonsinfos-file");
            if (value != null) {
                chatonsinfosFile = Path.of(value);
            }
        }
        if (problems.list.size() > before) {
            return null;
        }
        return new HostConfig(id, service, software, url, probeUrl, capacity, secret, accepts, chatonsinfosFile);
    }

    /** Collects problems, each with the file name, the line and the key path. */
    private static final class Problems {
        final String file;
        final List<String> list = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(Node node, String key, String what) {
            list.add(at(node, key, what));
        }

        void warn(Node node, String key, String what) {
            warnings.add(at(node, key, what));
        }

        private String at(Node node, String key, String what) {
            return file + " line " + (node.getStartMark().getLine() + 1) + ": " + key + ": " + what;
        }

        Map<String, NodeTuple> keys(MappingNode map, String prefix, Set<String> allowed) {
            Map<String, NodeTuple> keys = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key == null || !allowed.contains(key)) {
                    add(tuple.getKeyNode(), prefix + (key == null ? "?" : key),
                            "unknown key; known keys: " + String.join(", ", new TreeSet<>(allowed)));
                } else if (keys.putIfAbsent(key, tuple) != null) {
                    add(tuple.getKeyNode(), prefix + key, "given twice");
                }
            }
            return keys;
        }

        String scalar(Node node, String key) {
            if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
                return s.getValue().strip();
            }
            add(node, key, node instanceof ScalarNode ? "must not be empty" : "must be a single value, not a list or mapping");
            return null;
        }

        String id(Map<String, NodeTuple> keys, String prefix, String key, Node owner) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null) {
                add(owner, prefix + key, "is required");
                return null;
            }
            String value = scalar(tuple.getValueNode(), prefix + key);
            String problem = value == null ? null : WireRules.idProblem(value);
            if (problem != null) {
                add(tuple.getValueNode(), prefix + key, problem);
                return null;
            }
            return value;
        }

        /** Where users are sent: what the brokers take, in their words. */
        URI hostUrl(Node node, String key) {
            String value = scalar(node, key);
            String problem = value == null ? null : WireRules.hostUrlProblem(value);
            if (problem != null) {
                add(node, key, problem);
                return null;
            }
            return value == null ? null : URI.create(value);
        }

        /** Where the agent measures: any http or https URL (a private port, an address on the local network). */
        URI probeUrl(Node node, String key) {
            String value = scalar(node, key);
            if (value == null) {
                return null;
            }
            try {
                URI uri = new URI(value);
                String userInfo = WireRules.userInfoProblem(uri);
                if (userInfo != null) {
                    add(node, key, userInfo);
                    return null;
                }
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below with what was expected
            }
            add(node, key, "must be an http:// or https:// URL with a host, got '" + WireRules.withoutUserInfo(value) + "'");
            return null;
        }

        /**
         * A broker's base URL: no user name (the member's token is the credential), nothing after the path. Plain
         * http away from this machine is taken with a warning: the token then travels in clear, which only a
         * private network (docker-compose's) makes acceptable.
         */
        URI brokerUrl(Node node, String key) {
            URI uri = probeUrl(node, key);
            if (uri == null) {
                return null;
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                add(node, key, "must be the broker's base URL, without '?' or '#', got '" + uri + "'");
                return null;
            }
            if ("http".equals(uri.getScheme()) && !WireRules.isLoopback(uri.getHost())) {
                warn(node, key, "'" + uri + "' is plain http: the member's token travels unencrypted (use https"
                        + " unless the broker is on a private network)");
            }
            return uri;
        }

        /** How often a full report goes out: whole seconds, in the range the brokers take. */
        Duration interval(Map<String, NodeTuple> keys, Duration fallback) {
            Duration interval = duration(keys, "interval", fallback, Duration.ofSeconds(1));
            if (interval == null || !keys.containsKey("interval")) {
                return interval;
            }
            Node node = keys.get("interval").getValueNode();
            if (interval.toMillis() % 1000 != 0) {
                add(node, "interval", "must be a whole number of seconds (reports carry seconds), got '"
                        + ((ScalarNode) node).getValue() + "'");
                return null;
            }
            long seconds = interval.toSeconds();
            String problem = WireRules.intervalProblem(seconds > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) seconds);
            if (problem != null) {
                add(node, "interval", problem);
                return null;
            }
            return interval;
        }

        Duration duration(Map<String, NodeTuple> keys, String key, Duration fallback, Duration min) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null) {
                return fallback;
            }
            String value = scalar(tuple.getValueNode(), key);
            if (value == null) {
                return null;
            }
            Matcher m = DURATION.matcher(value);
            if (!m.matches()) {
                add(tuple.getValueNode(), key, "must be a duration such as 30s, 500ms or 2m, got '" + value + "'");
                return null;
            }
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            if (d.compareTo(min) < 0) {
                add(tuple.getValueNode(), key, "must be at least " + min.toMillis() + "ms, got '" + value + "'");
                return null;
            }
            return d;
        }

        /** A number above 0 and at most 1 ({@code 0.85}). */
        Double fraction(Map<String, NodeTuple> keys, String key, double fallback) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null) {
                return fallback;
            }
            String value = scalar(tuple.getValueNode(), key);
            if (value == null) {
                return null;
            }
            try {
                double d = Double.parseDouble(value);
                if (d > 0 && d <= 1) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below with what was expected
            }
            add(tuple.getValueNode(), key, "must be a number above 0 and at most 1 (such as 0.85), got '" + value + "'");
            return null;
        }

        Integer integer(Map<String, NodeTuple> keys, String prefix, String key, int min, int max, Integer fallback) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null) {
                return fallback;
            }
            String value = scalar(tuple.getValueNode(), prefix + key);
            if (value == null) {
                return null;
            }
            String expected = max == Integer.MAX_VALUE ? "a whole number of " + min + " or more"
                    : "a whole number from " + min + " to " + max;
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below with what was expected
            }
            add(tuple.getValueNode(), prefix + key, "must be " + expected + ", got '" + value + "'");
            return null;
        }

        SecretRef secret(Map<String, NodeTuple> keys, String prefix, String envKey, String fileKey, boolean required,
                         Node owner) {
            NodeTuple env = keys.get(envKey);
            NodeTuple path = keys.get(fileKey);
            if (env != null && path != null) {
                add(path.getKeyNode(), prefix + fileKey, "give either " + envKey + " or " + fileKey + ", not both");
                return null;
            }
            NodeTuple tuple = env != null ? env : path;
            if (tuple == null) {
                if (required) {
                    add(owner, prefix + envKey, "is required (or " + fileKey + "): where the member's token is");
                }
                return null;
            }
            String key = env != null ? envKey : fileKey;
            String value = scalar(tuple.getValueNode(), prefix + key);
            return value == null ? null
                    : new SecretRef(env != null, value, prefix + key, tuple.getKeyNode().getStartMark().getLine() + 1);
        }
    }
}
