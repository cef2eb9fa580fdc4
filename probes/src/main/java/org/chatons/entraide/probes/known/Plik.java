package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Plik: file drop. No public API worth reading: it answers, or not.
 */
public final class Plik extends Software {

    public Plik() {
        super(Names.of("plik", "Plik"), List.of("drop"),
                PublicProbe.plain(), UrlShapes.homeOnly());
    }
}
