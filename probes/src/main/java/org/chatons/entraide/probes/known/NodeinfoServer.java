package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Any NodeInfo server the agent measures without an adapter of its own (Pleroma, Akkoma, ...): no catalogue
 * service of its own, the agent's configuration says which.
 */
public final class NodeinfoServer extends Software {

    public NodeinfoServer() {
        super(Names.of("nodeinfo", "NodeInfo"), List.of(),
                PublicProbe.nodeinfo(), UrlShapes.homeOnly());
    }
}
