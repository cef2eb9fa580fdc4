package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Mobilizon: events. NodeInfo tells registrations and accounts.
 */
public final class Mobilizon extends Software {

    public Mobilizon() {
        super(Names.of("mobilizon", "Mobilizon"), List.of("events"),
                PublicProbe.nodeinfo(), UrlShapes.homeOnly());
    }
}
