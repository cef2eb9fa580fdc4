package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Scrumblr: sticky-note boards; a board ({@code /NAME}) lives on the host that made it.
 */
public final class Scrumblr extends Software {

    public Scrumblr() {
        super(Names.of("scrumblr", "Scrumblr"), List.of("board"),
                PublicProbe.plain(), UrlShapes.documentsNotMovable());
    }
}
