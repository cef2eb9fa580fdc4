package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * RS-Short: link shortener. No public API worth reading: it answers, or not.
 */
public final class RsShort extends Software {

    public RsShort() {
        super(Names.of("rsshort", "RS-Short"), List.of("shortener"),
                PublicProbe.plain(), UrlShapes.homeOnly());
    }
}
