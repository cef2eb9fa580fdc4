package org.chatons.entraide.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The hosts a sysadmin put in maintenance with {@code drain HOST}: a small text file beside the configuration,
 * one host id a line ({@code probe-agent.yml} gives {@code probe-agent.drained}). A file rather than a socket or
 * signal: the command and the running agent share nothing else, it survives restarts, and people can read it.
 */
public final class DrainFile {

    private final Path path;

    /** @param path the file itself; see {@link #beside(Path)} */
    public DrainFile(Path path) {
        this.path = path;
    }

    /** The drain file that goes with a configuration file. */
    public static DrainFile beside(Path configFile) {
        Path abs = configFile.toAbsolutePath();
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return new DrainFile(abs.resolveSibling(base + ".drained"));
    }

    /** Where the file is. */
    public Path path() {
        return path;
    }

    /** The drained host ids; none when the file does not exist. */
    public Set<String> read() throws IOException {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (NoSuchFileException e) {
            return Set.of();
        }
    }

    /** Marks a host as drained (or not); returns false when nothing changed. */
    public boolean set(String hostId, boolean drained) throws IOException {
        Set<String> ids = new TreeSet<>(read());
        boolean changed = drained ? ids.add(hostId) : ids.remove(hostId);
        if (changed) {
            write(ids);
        }
        return changed;
    }

    private void write(Set<String> ids) throws IOException {
        // Written aside and moved in place, so the running agent never reads half a file.
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder("# hosts in maintenance, written by `probe-agent drain`\n");
        ids.forEach(id -> text.append(id).append('\n'));
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            // Readable by all whatever root's umask: the packaged service runs as its own user (DynamicUser=).
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own defaults apply
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
