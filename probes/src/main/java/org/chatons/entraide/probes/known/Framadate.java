package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Framadate: polls. No public API worth reading: it answers, or not.
 */
public final class Framadate extends Software {

    public Framadate() {
        super(Names.of("framadate", "Framadate"), List.of("poll"),
                PublicProbe.plain(), UrlShapes.homeOnly());
    }
}
