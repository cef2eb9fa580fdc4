package org.chatons.entraide.probes.software;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rooms a software makes from a name on any of its hosts, and keeps only while people are in them.
 *
 * @param path        the room's address relative to the host's home, with {@value #NAME} where the name goes
 *                    (Jitsi Meet: {@code {name}}, for {@code https://host/NAME})
 * @param allowedName the names the software takes, as a regular expression matched whole
 */
public record NamedRooms(String path, Pattern allowedName) {

    /** Where the name goes in {@link #path}. */
    public static final String NAME = "{name}";

    public NamedRooms {
        if (!path.contains(NAME) || path.startsWith("/")) {
            throw new IllegalArgumentException("room path '" + path + "' (expected: relative to the home, with "
                    + NAME + ")");
        }
    }

    public NamedRooms(String path, String allowedName) {
        this(path, Pattern.compile(allowedName));
    }

    /**
     * The room of that name on a host, or empty when the software does not take the name, or when the address would
     * leave the host's own origin (scheme, host and port): a room is never a redirect elsewhere.
     */
    public Optional<URI> room(URI home, String name) {
        if (!allowedName.matcher(name).matches()) {
            return Optional.empty();
        }
        URI room = Homes.base(home).resolve(path.replace(NAME, name));
        boolean sameOrigin = Objects.equals(room.getScheme(), home.getScheme())
                && Objects.equals(room.getRawAuthority(), home.getRawAuthority());
        return sameOrigin ? Optional.of(room) : Optional.empty();
    }
}
