package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Pleroma: microblogging. NodeInfo tells registrations and monthly users.
 */
public final class Pleroma extends Software {

    public Pleroma() {
        super(Names.of("pleroma", "Pleroma"), List.of("microblog"),
                PublicProbe.nodeinfo(), UrlShapes.homeOnly());
    }
}
