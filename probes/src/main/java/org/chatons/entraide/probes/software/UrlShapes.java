package org.chatons.entraide.probes.software;

import java.util.Optional;

/**
 * The addresses a software has besides its home (the address members declare or report): named rooms, which a
 * link may lead to on any host, or documents, which live on the host that made them.
 *
 * @param rooms         how a named room's address is made, when the software makes a room from a name and keeps it
 *                      only while people are in it (Jitsi Meet)
 * @param documentsStay true when its named documents (pads, notes, sheets, boards) live on the host that made them:
 *                      a link to one cannot lead to another host, where it would be an empty copy
 */
public record UrlShapes(Optional<NamedRooms> rooms, boolean documentsStay) {

    public UrlShapes {
        if (rooms.isPresent() && documentsStay) {
            throw new IllegalArgumentException("a software has named rooms or documents that stay, not both");
        }
    }

    /** Its home only: no named rooms, no documents of its own. */
    public static UrlShapes homeOnly() {
        return new UrlShapes(Optional.empty(), false);
    }

    /** Named rooms made from a name, as {@link NamedRooms} says. */
    public static UrlShapes namedRooms(String path, String allowedName) {
        return new UrlShapes(Optional.of(new NamedRooms(path, allowedName)), false);
    }

    /** Documents that live on the host that made them, so not movable. */
    public static UrlShapes documentsNotMovable() {
        return new UrlShapes(Optional.empty(), true);
    }
}
