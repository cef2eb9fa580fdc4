package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Lutim: image sharing. No public API worth reading: it answers, or not.
 */
public final class Lutim extends Software {

    public Lutim() {
        super(Names.of("lutim", "Lutim"), List.of("images"),
                PublicProbe.plain(), UrlShapes.homeOnly());
    }
}
