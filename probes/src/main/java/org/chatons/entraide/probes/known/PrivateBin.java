package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * PrivateBin: encrypted pastes. No public API worth reading: it answers, or not.
 */
public final class PrivateBin extends Software {

    public PrivateBin() {
        super(Names.of("privatebin", "PrivateBin"), List.of("paste"),
                PublicProbe.plain(), UrlShapes.homeOnly());
    }
}
