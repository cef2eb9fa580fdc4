package org.chatons.entraide.broker.members;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.chatons.entraide.broker.config.Sha256;
import org.chatons.entraide.broker.config.StartupError;
import org.chatons.entraide.protocol.Places;
import org.chatons.entraide.protocol.RoomsSetting;
import org.chatons.entraide.protocol.WireRules;
import org.chatons.entraide.yaml.At;
import org.chatons.entraide.yaml.YamlBinder;

/**
 * Reads the members file: bound by Jackson's YAML data binding ({@link YamlBinder}, each value with its line), then
 * checked here, so that an error names the line, the entry and the key. Dates are read as the text the
 * coordinators wrote ({@code YYYY-MM-DD}).
 */
public final class MembersFile {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private final String source;

    private MembersFile(String source) {
        this.source = source;
    }

    /** Reads and checks the file, or throws a {@link StartupError} naming the file, line, entry and key. */
    public static MemberDirectory load(Path path) {
        try {
            return new MembersFile(path.toString()).parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new StartupError("members file " + path.toAbsolutePath()
                    + " does not exist (set broker.members-file or BROKER_MEMBERS_FILE)");
        } catch (IOException e) {
            throw new StartupError("members file " + path + ": cannot be read: " + e.getMessage());
        }
    }

    /** Parses members from text; {@code source} names it in errors. */
    public static MemberDirectory parse(String source, Reader reader) {
        StringWriter text = new StringWriter();
        try {
            reader.transferTo(text);
        } catch (IOException e) {
            throw new StartupError(source + ": cannot be read: " + e.getMessage());
        }
        return new MembersFile(source).parse(text.toString());
    }

    private MemberDirectory parse(String text) {
        YamlBinder.Bound<MembersYaml> bound;
        try {
            bound = YamlBinder.bind(text, MembersYaml.class);
        } catch (YamlBinder.Unparsable e) {
            throw new StartupError(source + " line " + e.line() + ": " + e.getMessage());
        }
        if (!bound.unknownKeys().isEmpty()) {
            YamlBinder.UnknownKey key = bound.unknownKeys().get(0);
            throw new StartupError(source + " line " + key.line() + ": " + (key.parent().isEmpty() ? "(top)" : key.parent())
                    + ": unknown key '" + key.key() + "' (expected one of " + key.known() + ")");
        }
        At<MembersYaml> root = bound.root();
        if (root == null || root.unreadable() || root.value() == null) {
            throw error(root == null ? 0 : root.line(), "(top)", "expected a mapping with a 'members' list");
        }
        At<List<At<MembersYaml.Entry>>> list = root.value().members();
        if (list == null || list.unreadable() || list.value() == null || list.value().isEmpty()) {
            throw error((list == null ? root : list).line(), "members", "expected a list of at least one member");
        }
        List<Member> members = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < list.value().size(); i++) {
            At<MembersYaml.Entry> entry = list.value().get(i);
            Member member = member(entry, "members[" + i + "]");
            if (!ids.add(member.id())) {
                throw error(entry.line(), "members[" + i + "].id", "'" + member.id() + "' is used twice");
            }
            if (!tokens.add(member.tokenSha256())) {
                throw error(entry.line(), "members[" + i + "].token-sha256", "the same token hash is given to two members");
            }
            members.add(member);
        }
        return new MemberDirectory(members);
    }

    private Member member(At<MembersYaml.Entry> at, String path) {
        if (at.unreadable() || at.value() == null) {
            throw error(at.line(), path, "expected a mapping (id, name, token-sha256, domains, confirmed-until, ...)");
        }
        MembersYaml.Entry entry = at.value();
        int owner = at.line();
        String id = scalar(entry.id(), owner, path + ".id");
        if (!WireRules.isId(id)) {
            throw error(entry.id().line(), path + ".id", "'" + id + "' (expected: " + WireRules.ID_PATTERN + ")");
        }
        String where = path + " (" + id + ")";
        String name = scalar(entry.name(), owner, where + ".name");
        String token = scalar(entry.tokenSha256(), owner, where + ".token-sha256");
        if (!Sha256.isHex(token)) {
            throw error(entry.tokenSha256().line(), where + ".token-sha256",
                    "expected 64 hexadecimal characters (the SHA-256 of the member's token, never the token)");
        }
        List<String> domains = list(entry.domains(), owner, where + ".domains", DOMAIN.asMatchPredicate(),
                "a lower-case domain name such as example.org");
        String date = scalar(entry.confirmedUntil(), owner, where + ".confirmed-until");
        if (entry.confirmedUntil().unreadable()) {
            throw error(entry.confirmedUntil().line(), where + ".confirmed-until", "'" + date + "' (expected: YYYY-MM-DD)");
        }
        LocalDate confirmedUntil = entry.confirmedUntil().value();
        String country = scalar(entry.country(), owner, where + ".country");
        if (!Places.isCountry(country)) {
            throw error(entry.country().line(), where + ".country", "'" + country + "' (expected: two capital letters, e.g. FR)");
        }
        List<String> languages = list(entry.languages(), owner, where + ".languages", Places::isLanguage,
                "a language code such as fr");
        return new Member(id, name, token.toLowerCase(Locale.ROOT), domains, confirmedUntil, country, languages,
                rooms(entry.rooms(), where + ".rooms"));
    }

    /** Optional: by host id, {@code off} or the shape of its rooms' addresses ({@link RoomsSetting}). */
    private Map<String, String> rooms(At<Map<String, At<String>>> at, String key) {
        if (at == null) {
            return Map.of();
        }
        if (at.unreadable() || at.value() == null) {
            throw error(at.line(), key, "expected a mapping of host ids to off or a room shape, e.g. {visio: off}");
        }
        Map<String, String> rooms = new LinkedHashMap<>();
        for (Map.Entry<String, At<String>> e : at.value().entrySet()) {
            String host = key + "." + e.getKey();
            if (!WireRules.isId(e.getKey())) {
                throw error(at.line(), host, "'" + e.getKey() + "' is not a host id (expected: "
                        + WireRules.ID_PATTERN + ")");
            }
            String setting = scalar(e.getValue(), at.line(), host);
            String problem = RoomsSetting.problem(setting);
            if (problem != null) {
                throw error(e.getValue().line(), host, problem);
            }
            rooms.put(e.getKey(), setting);
        }
        return rooms;
    }

    private String scalar(At<?> at, int owner, String key) {
        if (at == null) {
            throw error(owner, key, "missing");
        }
        if (at.structured() || at.text() == null || at.text().isBlank()) {
            throw error(at.line(), key, "expected a non-empty value");
        }
        return at.text().strip();
    }

    private List<String> list(At<List<At<String>>> at, int owner, String key, Predicate<String> item, String expected) {
        if (at == null) {
            throw error(owner, key, "missing");
        }
        if (at.unreadable() || at.value() == null || at.value().isEmpty()) {
            throw error(at.line(), key, "expected a non-empty list, e.g. [" + expected.replaceAll(".* ", "") + "]");
        }
        List<String> values = new ArrayList<>();
        for (At<String> element : at.value()) {
            String value = element.structured() || element.text() == null ? "" : element.text().strip();
            if (!item.test(value)) {
                throw error(element.line(), key, "'" + value + "' (expected: " + expected + ")");
            }
            values.add(value);
        }
        return values;
    }

    private StartupError error(int line, String at, String problem) {
        return new StartupError(source + " line " + line + ": " + at + ": " + problem);
    }
}
