package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Jitsi Meet: video calls. Its web front shows nothing without a password (the videobridge's figures are on a
 * private port, for the agent); {@code https://host/NAME} makes a room that lives while people are in it.
 */
public final class JitsiMeet extends Software {

    public JitsiMeet() {
        super(Names.of("jitsi", "Jitsi Meet"), List.of("visio"),
                PublicProbe.plain(), UrlShapes.namedRooms("{name}", "[A-Za-z0-9][A-Za-z0-9_-]{0,63}"));
    }
}
