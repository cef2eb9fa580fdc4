package org.chatons.entraide.broker.rooms;

import java.util.Locale;
import java.util.Optional;

/**
 * A room's name as a link carries it, checked against the set every room software takes: letters, digits,
 * {@code -} and {@code _}, 1 to {@value #MAX_LENGTH} of them. Nothing else can reach a {@code Location} header: no
 * {@code /}, {@code .}, {@code %}, space or control character. The name is a person's data: {@link #toString}
 * does not show it, so a log line or an error that prints the record does not either.
 *
 * @param value the name as written in the link
 */
public record RoomName(String value) {

    public static final int MAX_LENGTH = 64;

    public RoomName {
        if (!safe(value)) {
            throw new IllegalArgumentException("a room name holds 1 to " + MAX_LENGTH
                    + " letters, digits, '-' or '_'");
        }
    }

    /** The name, when it is in the safe set. */
    public static Optional<RoomName> of(String raw) {
        return safe(raw) ? Optional.of(new RoomName(raw)) : Optional.empty();
    }

    /**
     * What the host is chosen by: the name in lower case. Jitsi Meet's rooms are XMPP chat rooms, whose addresses
     * ignore case, so {@code AssembleeGenerale} and {@code assembleegenerale} are one room and must reach one host.
     */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "RoomName[" + value.length() + " characters]";
    }

    /** Checked by hand: ASCII only, so no Unicode letter or digit slips through {@code Character.isLetter}. */
    private static boolean safe(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return false;
        }
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
