package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * PeerTube: videos. NodeInfo tells registrations and monthly users.
 */
public final class Peertube extends Software {

    public Peertube() {
        super(Names.of("peertube", "PeerTube"), List.of("video"),
                PublicProbe.nodeinfo(), UrlShapes.homeOnly());
    }
}
