package org.chatons.entraide.broker.registry;

import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.config.StartupError;
import org.chatons.entraide.protocol.WireRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps coordinators' drains across restarts. Reports rebuild everything else a broker knows within one round, but
 * a drain is a person's decision: a host drained for maintenance must not get users again because the broker was
 * upgraded. Without {@code broker.drains-file} drains live in memory only.
 *
 * <p>The file is one {@code member/host} per line, written whole on every change through a temporary file and a
 * rename, so a crash leaves the old list or the new one, never half of one. A change is saved before it is
 * applied: one that cannot be saved is refused and changes nothing.
 */
@Context
public final class DrainsFile {

    private static final Logger LOG = LoggerFactory.getLogger(DrainsFile.class);
    private static final String HEADER = """
            # Hosts drained by coordinators, one member/host per line. Written by the broker on every drain and
            # undrain (PUT/DELETE /api/v1/admin/hosts/{member}/{host}/drain); read at start.
            """;

    private final HostRegistry registry;
    private final Path path;

    /** Restores the drains the file lists, or stops the broker at start naming the line that is wrong. */
    public DrainsFile(BrokerConfig config, HostRegistry registry) {
        this.registry = registry;
        this.path = config.drainsFile() == null || config.drainsFile().isBlank() ? null : Path.of(config.drainsFile());
        if (path != null) {
            Set<HostKey> restored = read(path);
            registry.restoreDrains(restored);
            if (!restored.isEmpty()) {
                LOG.info("Restored {} drained host(s) from {}", restored.size(), path);
            }
        }
    }

    /**
     * Drains or undrains a known host, saving the new list first.
     *
     * @return false for a host no report names (nothing changes)
     * @throws IOException when the list cannot be saved (nothing changes)
     */
    public synchronized boolean drain(HostKey key, boolean drain) throws IOException {
        if (registry.find(key).isEmpty()) {
            return false;
        }
        if (path != null && registry.isDrained(key) != drain) {
            Set<HostKey> next = new LinkedHashSet<>(registry.drained());
            if (drain) {
                next.add(key);
            } else {
                next.remove(key);
            }
            write(path, next);
        }
        return registry.drain(key, drain);
    }

    /** Saves the list after the registry dropped drains by itself (hosts forgotten after a long silence). */
    public synchronized void sync() {
        if (path != null) {
            try {
                write(path, registry.drained());
            } catch (IOException e) {
                LOG.warn("Could not save the drains to {}: {}", path, e.getMessage());
            }
        }
    }

    static Set<HostKey> read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            throw new StartupError("drains file " + path + ": cannot be read: " + e.getMessage());
        }
        Set<HostKey> keys = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("/", -1);
            if (parts.length != 2 || !WireRules.isId(parts[0]) || !WireRules.isId(parts[1])) {
                throw new StartupError("drains file " + path + " line " + (i + 1) + ": '" + line
                        + "' (expected: member/host, each " + WireRules.ID_PATTERN + ")");
            }
            keys.add(new HostKey(parts[0], parts[1]));
        }
        return keys;
    }

    static void write(Path path, Set<HostKey> keys) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        keys.stream().map(HostKey::toString).sorted().forEach(key -> text.append(key).append('\n'));
        Path dir = path.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
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
