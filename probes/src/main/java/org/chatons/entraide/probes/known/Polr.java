package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Polr: link shortener. No public API worth reading: it answers, or not.
 */
public final class Polr extends Software {

    public Polr() {
        super(Names.of("polr", "Polr"), List.of("shortener"),
                PublicProbe.plain(), UrlShapes.homeOnly());
    }
}
