package org.chatons.entraide.broker.drains;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.chatons.entraide.broker.config.StartupError;
import org.chatons.entraide.protocol.WireRules;

/**
 * The drains file ({@code broker.drains-file}): coordinators' decisions kept across restarts, one a line,
 * {@code member/host drained|undrained <instant>}. Undrains are kept too, so that another broker's older drain
 * cannot come back through the exchange between brokers.
 *
 * <p>Written whole on every change through a temporary file, flushed to the disk, then renamed over the old one,
 * so that a crash, {@code SIGKILL} included, leaves the old list or the new one, never half of one. A line of
 * the older format, {@code member/host} alone, is a drain decided when the broker starts.
 */
final class DrainsFile {

    private static final String HEADER = """
            # Coordinators' drain decisions, one a line: member/host drained|undrained <when>. Written by the broker
            # on every drain and undrain (PUT/DELETE /api/v1/admin/hosts/{member}/{host}/drain, or another broker's);
            # read at start.
            """;

    private DrainsFile() {
    }

    /**
     * The decisions the file lists, none when it does not exist; stops the broker naming a line that is wrong.
     *
     * @param legacyAt when a line without a decision and instant (the older format) is taken to be decided
     */
    static List<DrainState> read(Path path, Instant legacyAt) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StartupError("drains file " + path + ": cannot be read: " + e.getMessage());
        }
        List<DrainState> states = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                states.add(parse(line, legacyAt, "drains file " + path + " line " + (i + 1)));
            }
        }
        return states;
    }

    private static DrainState parse(String line, Instant legacyAt, String where) {
        String[] fields = line.split("\\s+");
        String[] key = fields[0].split("/", -1);
        boolean known = fields.length == 1 || fields.length == 3 && fields[1].matches("drained|undrained");
        if (!known || key.length != 2 || !WireRules.isId(key[0]) || !WireRules.isId(key[1])) {
            throw new StartupError(where + ": '" + line + "' (expected: member/host drained|undrained "
                    + "<instant such as 2026-11-23T18:00:00Z>, member and host each " + WireRules.ID_PATTERN + ")");
        }
        if (fields.length == 1) {
            return new DrainState(key[0], key[1], true, legacyAt);
        }
        try {
            return new DrainState(key[0], key[1], fields[1].equals("drained"), Instant.parse(fields[2]));
        } catch (DateTimeParseException e) {
            throw new StartupError(where + ": '" + fields[2] + "' (expected: an instant such as 2026-11-23T18:00:00Z)");
        }
    }

    static void write(Path path, Collection<DrainState> states) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        states.stream().sorted(Comparator.comparing((DrainState s) -> s.key().toString()))
                .forEach(s -> text.append(s.key()).append(s.drained() ? " drained " : " undrained ")
                        .append(s.changedAt()).append('\n'));
        Path dir = path.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
