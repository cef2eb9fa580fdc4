package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Akkoma: microblogging. NodeInfo tells registrations and monthly users.
 */
public final class Akkoma extends Software {

    public Akkoma() {
        super(Names.of("akkoma", "Akkoma"), List.of("microblog"),
                PublicProbe.nodeinfo(), UrlShapes.homeOnly());
    }
}
