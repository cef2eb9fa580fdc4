package org.chatons.entraide.broker.members;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.chatons.entraide.broker.config.Sha256;
import org.chatons.entraide.broker.config.StartupError;
import org.chatons.entraide.protocol.WireRules;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the members file. It works on YAML nodes rather than binding to objects so that every error can name the
 * line, the entry and the key, and so that dates and numbers are read as the text the coordinators wrote.
 */
public final class MembersFile {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Set<String> KEYS = Set.of("id", "name", "token-sha256", "domains", "confirmed-until",
            "country", "languages");

    private final String source;

    private MembersFile(String source) {
        this.source = source;
    }

    /** Reads and checks the file, or throws a {@link StartupError} naming the file, line, entry and key. */
    public static MemberDirectory load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new MembersFile(path.toString()).parse(reader);
        } catch (NoSuchFileException e) {
            throw new StartupError("members file " + path.toAbsolutePath()
                    + " does not exist (set broker.members-file or BROKER_MEMBERS_FILE)");
        } catch (IOException e) {
            throw new StartupError("members file " + path + ": cannot be read: " + e.getMessage());
        }
    }

    /** Parses members from text; {@code source} names it in errors. */
    public static MemberDirectory parse(String source, Reader reader) {
        return new MembersFile(source).parse(reader);
    }

    private MemberDirectory parse(Reader reader) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new StartupError(source + " line " + line + ": not valid YAML: " + e.getProblem());
        }
        if (!(root instanceof MappingNode top)) {
            throw error(root, "(top)", "expected a mapping with a 'members' list");
        }
        Map<String, Node> topKeys = keys(top, "(top)", Set.of("members"));
        Node list = topKeys.get("members");
        if (!(list instanceof SequenceNode entries) || entries.getValue().isEmpty()) {
            throw error(list == null ? top : list, "members", "expected a list of at least one member");
        }
        List<Member> members = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < entries.getValue().size(); i++) {
            Member member = member(entries.getValue().get(i), "members[" + i + "]");
            if (!ids.add(member.id())) {
                throw error(entries.getValue().get(i), "members[" + i + "].id", "'" + member.id() + "' is used twice");
            }
            if (!tokens.add(member.tokenSha256())) {
                throw error(entries.getValue().get(i), "members[" + i + "].token-sha256",
                        "the same token hash is given to two members");
            }
            members.add(member);
        }
        return new MemberDirectory(members);
    }

    private Member member(Node node, String at) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, at, "expected a mapping (id, name, token-sha256, domains, confirmed-until, ...)");
        }
        Map<String, Node> keys = keys(mapping, at, KEYS);
        String id = scalar(keys, mapping, at, "id");
        if (!WireRules.isId(id)) {
            throw error(keys.get("id"), at + ".id", "'" + id + "' (expected: " + WireRules.ID_PATTERN + ")");
        }
        String where = at + " (" + id + ")";
        String name = scalar(keys, mapping, where, "name");
        String token = scalar(keys, mapping, where, "token-sha256");
        if (!Sha256.isHex(token)) {
            throw error(keys.get("token-sha256"), where + ".token-sha256",
                    "expected 64 hexadecimal characters (the SHA-256 of the member's token, never the token)");
        }
        List<String> domains = list(keys, mapping, where, "domains", DOMAIN, "a lower-case domain name such as example.org");
        String date = scalar(keys, mapping, where, "confirmed-until");
        LocalDate confirmedUntil;
        try {
            confirmedUntil = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw error(keys.get("confirmed-until"), where + ".confirmed-until", "'" + date + "' (expected: YYYY-MM-DD)");
        }
        String country = scalar(keys, mapping, where, "country");
        if (!COUNTRY.matcher(country).matches()) {
            throw error(keys.get("country"), where + ".country", "'" + country + "' (expected: two capital letters, e.g. FR)");
        }
        List<String> languages = list(keys, mapping, where, "languages", LANGUAGE, "a language code such as fr");
        return new Member(id, name, token.toLowerCase(), domains, confirmedUntil, country, languages);
    }

    private Map<String, Node> keys(MappingNode mapping, String at, Set<String> allowed) {
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!allowed.contains(key)) {
                throw error(tuple.getKeyNode(), at, "unknown key '" + key + "' (expected one of " + sorted(allowed) + ")");
            }
            keys.put(key, tuple.getValueNode());
        }
        return keys;
    }

    private String scalar(Map<String, Node> keys, Node parent, String at, String key) {
        Node node = keys.get(key);
        if (node == null) {
            throw error(parent, at + "." + key, "missing");
        }
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error(node, at + "." + key, "expected a non-empty value");
        }
        return s.getValue().trim();
    }

    private List<String> list(Map<String, Node> keys, Node parent, String at, String key, Pattern item, String expected) {
        Node node = keys.get(key);
        if (node == null) {
            throw error(parent, at + "." + key, "missing");
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw error(node, at + "." + key, "expected a non-empty list, e.g. [" + expected.replaceAll(".* ", "") + "]");
        }
        List<String> values = new ArrayList<>();
        for (Node element : seq.getValue()) {
            String value = element instanceof ScalarNode s ? s.getValue().trim() : "";
            if (!item.matcher(value).matches()) {
                throw error(element, at + "." + key, "'" + value + "' (expected: " + expected + ")");
            }
            values.add(value);
        }
        return values;
    }

    private StartupError error(Node node, String at, String problem) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return new StartupError(source + " line " + line + ": " + at + ": " + problem);
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
