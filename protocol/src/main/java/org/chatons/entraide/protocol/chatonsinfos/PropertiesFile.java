package org.chatons.entraide.protocol.chatonsinfos;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One ChatonsInfos properties file, read the tolerant way real files need: UTF-8, or
 * windows-1252 when the bytes are not UTF-8 (hand-edited files), a leading BOM dropped; {@code \n}, {@code \r\n}
 * and {@code \r} line ends; {@code #} and {@code !} comments and bare {@code [Section]} lines skipped; {@code =},
 * {@code :} or a space between key and value; a trailing backslash continues a line; {@code \n}, {@code \t},
 * {@code \\} and {@code \}{@code uXXXX} escapes; one pair of matching quotes around a value removed; an empty
 * value is no value; keys compared without case; the last of duplicate keys wins. Not
 * {@link java.util.Properties}: it reads Latin-1, keeps quotes and takes {@code [Subs]} for a key. The one reader of
 * these files: the broker's crawler reads members' files with it, and the probe agent checks with it that the file
 * it rewrites says what it wrote. Parses the bytes or text it is handed; reads no file itself.
 *
 * @param values every key (lower case) with its value, in file order
 */
public record PropertiesFile(Map<String, String> values) {

    private static final Pattern SECTION = Pattern.compile("\\s*\\[[^\\]]*\\]\\s*");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public PropertiesFile {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Reads the bytes of a file; never fails: what cannot be read is left out. */
    public static PropertiesFile parse(byte[] bytes) {
        return parseText(decode(bytes));
    }

    /** UTF-8 when the bytes are valid UTF-8, else windows-1252 (a superset of Latin-1 for text); no BOM. */
    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, WINDOWS_1252);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Reads text already decoded. */
    public static PropertiesFile parseText(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : logicalLines(text)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")
                    || SECTION.matcher(trimmed).matches()) {
                continue;
            }
            int split = separator(trimmed);
            String key = unescape(trimmed.substring(0, split)).strip().toLowerCase(Locale.ROOT);
            String value = split < trimmed.length() ? trimmed.substring(split + 1) : "";
            value = unquote(unescape(value).strip());
            if (key.isEmpty()) {
                continue;
            }
            values.remove(key); // the last one wins, in its own place
            if (!value.isEmpty()) {
                values.put(key, value);
            }
        }
        return new PropertiesFile(values);
    }

    /** Physical lines joined where one ends with an odd number of backslashes. */
    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder pending = null;
        for (String physical : text.split("\r\n|\r|\n", -1)) {
            String part = pending == null ? physical : physical.stripLeading();
            if (continues(part) && !isComment(pending, part)) {
                pending = (pending == null ? new StringBuilder() : pending).append(part, 0, part.length() - 1);
                continue;
            }
            lines.add(pending == null ? part : pending.append(part).toString());
            pending = null;
        }
        if (pending != null) {
            lines.add(pending.toString());
        }
        return lines;
    }

    private static boolean isComment(StringBuilder pending, String line) {
        String s = line.strip();
        return pending == null && (s.startsWith("#") || s.startsWith("!"));
    }

    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** Index of the first unescaped '=', ':' or blank; the line's length when there is none. */
    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':') {
                return i;
            } else if (Character.isWhitespace(c)) {
                // "key = value": the blank ends the key; an '=' or ':' right after it is the separator
                int j = i;
                while (j < line.length() && Character.isWhitespace(line.charAt(j))) {
                    j++;
                }
                return j < line.length() && (line.charAt(j) == '=' || line.charAt(j) == ':') ? j : i;
            }
        }
        return line.length();
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append('u');
                    }
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** Removes one pair of matching single or double quotes around the value (YunoHost writes subs quoted). */
    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '\'' || first == '"') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1).strip();
            }
        }
        return value;
    }

    /** The value of a key (any case), if it has one. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key.toLowerCase(Locale.ROOT)));
    }

    /** The value upper-cased, for enumerations whose case varies between files. */
    public Optional<String> upper(String key) {
        return get(key).map(v -> v.toUpperCase(Locale.ROOT));
    }

    /** The {@code subs.<id>} entries: id (lower case) to the raw value, in file order. */
    public Map<String, String> subs() {
        Map<String, String> subs = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("subs.") && k.length() > "subs.".length()) {
                subs.put(k.substring("subs.".length()), v);
            }
        });
        return subs;
    }

    /** A {@code ;}-separated value split, items trimmed, empty ones left out. */
    public List<String> list(String key) {
        return get(key).map(v -> java.util.Arrays.stream(v.split(";")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }
}
