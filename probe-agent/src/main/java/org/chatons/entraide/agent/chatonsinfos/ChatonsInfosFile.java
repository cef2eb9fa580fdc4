package org.chatons.entraide.agent.chatonsinfos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chatons.entraide.protocol.chatonsinfos.PropertiesFile;

/**
 * A member's own ChatonsInfos service file, kept true by the agent: only the values of
 * {@code service.registration.load} and, when that changes, {@code file.datetime} are rewritten; every other byte
 * stays as it was (comments, quotes, spacing, encoding, line ends), since the bytes are edited as Latin-1, one
 * char per byte, and the values written are ASCII. Written through a temporary file in the same folder and a
 * rename, so the web server never serves half a file; the file's permissions are kept. Never created: a file that
 * is not there is a mistake to report, not a file to make.
 */
public final class ChatonsInfosFile {

    /** {@code file.datetime} as the ChatonsInfos models write it: local time, no zone. */
    public static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** key, separator, optional quote, value, same quote, trailing blanks; on one line (its end excluded). */
    private static final String LINE = "^([ \\t\\f]*)(%s)([ \\t\\f]*[=:][ \\t\\f]*|[ \\t\\f]+)(['\"]?)(.*?)(\\4)([ \\t\\f]*)$";
    private static final String KEY = "service.registration.load";
    private static final Pattern LOAD = Pattern.compile(LINE.formatted(Pattern.quote(KEY)),
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATETIME_LINE = Pattern.compile(LINE.formatted("file\\.datetime"),
            Pattern.CASE_INSENSITIVE);

    /**
     * What the file says and would say.
     *
     * @param before the value now, or null when the file has no such line
     * @param after  the value it should hold
     * @param lines  the changed lines, before then after, as text ("- ..." and "+ ...")
     * @param bytes  the whole new file, or null when nothing changes
     */
    public record Rewrite(String before, String after, List<String> lines, byte[] bytes) {

        public boolean changes() {
            return bytes != null;
        }
    }

    private ChatonsInfosFile() {
    }

    /**
     * The value of {@code service.registration.load} in the file's bytes, or null: read by the brokers' own reader
     * ({@link PropertiesFile}), so the agent sees the file as the brokers will.
     */
    public static String load(byte[] file) {
        return PropertiesFile.parse(file).get(KEY).orElse(null);
    }

    /**
     * The file with {@code service.registration.load} set to {@code load} and {@code file.datetime} to {@code now}
     * (seconds), when the load changes; bytes null when it does not, when the file has no such line, or when the
     * brokers' reader would not read the new value from the edited bytes (a line the edit in place cannot follow:
     * continued over lines, escaped), so that the agent never writes a file that says other than it means.
     */
    public static Rewrite rewrite(byte[] file, String load, LocalDateTime now) {
        String before = load(file);
        if (before == null || before.equalsIgnoreCase(load)) {
            return new Rewrite(before, before == null ? null : before, List.of(), null);
        }
        String text = new String(file, StandardCharsets.ISO_8859_1);
        String stamp = now.truncatedTo(ChronoUnit.SECONDS).format(DATETIME);
        StringBuilder out = new StringBuilder(text.length() + 16);
        List<String> changed = new ArrayList<>();
        for (String line : lines(text)) {
            String body = strip(line);
            String end = line.substring(body.length());
            String replaced = replace(LOAD, body, load);
            if (replaced == null) {
                replaced = replace(DATETIME_LINE, body, stamp);
            }
            if (replaced != null && !replaced.equals(body)) {
                changed.add("- " + body);
                changed.add("+ " + replaced);
                out.append(replaced).append(end);
            } else {
                out.append(line);
            }
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (!load.equalsIgnoreCase(load(bytes))) {
            return new Rewrite(before, before, List.of(), null);
        }
        return new Rewrite(before, load, changed, bytes);
    }

    /** The line with the value replaced, or null when the line is not that key's. */
    private static String replace(Pattern key, String line, String value) {
        Matcher m = key.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return line.substring(0, m.start(5)) + value + line.substring(m.end(5));
    }

    /** Lines with their ends ("\r\n", "\n" or "\r"), so that joining them gives the text back byte for byte. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String strip(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    /**
     * Replaces the file's content through a temporary file beside it and a rename, keeping its permissions.
     *
     * @throws IOException when it cannot; the file is then as it was
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(temp, posix.readAttributes().permissions());
            }
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
