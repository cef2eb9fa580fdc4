package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Jitsi Meet: video calls. Its web front shows nothing without a password (the videobridge's figures are on a
 * private port, for the agent); {@code https://host/NAME} makes a room that lives while people are in it.
 *
 * <p>Room names: letters, digits, {@code -} and {@code _}, beginning with a letter or a digit, at most 64. Jitsi
 * takes more (it escapes the rest into the room's chat address), but a group link's name must reach the
 * {@code Location} header untouched on every host, so the broker offers only names that need no escaping; the
 * rooms are chat rooms whose addresses ignore case, so the broker places a name by its lower case.
 */
public final class JitsiMeet extends Software {

    public JitsiMeet() {
        super(Names.of("jitsi", "Jitsi Meet"), List.of("visio"),
                PublicProbe.plain(), UrlShapes.namedRooms("{name}", "[A-Za-z0-9][A-Za-z0-9_-]{0,63}"));
    }
}
