package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Any web service the agent measures by a GET of its address: no catalogue service of its own, the agent's
 * configuration says which.
 */
public final class WebService extends Software {

    public WebService() {
        super(Names.of("http", "HTTP"), List.of(),
                PublicProbe.plain(), UrlShapes.homeOnly());
    }
}
