package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Lstu: link shortener. Its {@code /fullstats} counts links, not people: the agent reads it, the public probe needs no more than a GET.
 */
public final class Lstu extends Software {

    public Lstu() {
        super(Names.of("lstu", "Lstu"), List.of("shortener"),
                PublicProbe.plain(), UrlShapes.homeOnly());
    }
}
