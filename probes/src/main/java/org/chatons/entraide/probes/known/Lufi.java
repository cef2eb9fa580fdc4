package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Lufi: file drop. Its {@code /fullstats} counts files, not people: the agent reads it, the public probe needs no more than a GET.
 */
public final class Lufi extends Software {

    public Lufi() {
        super(Names.of("lufi", "Lufi"), List.of("drop"),
                PublicProbe.plain(), UrlShapes.homeOnly());
    }
}
