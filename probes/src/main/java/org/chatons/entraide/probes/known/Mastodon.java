package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Mastodon: microblogging. NodeInfo tells registrations and monthly users.
 */
public final class Mastodon extends Software {

    public Mastodon() {
        super(Names.of("mastodon", "Mastodon"), List.of("microblog"),
                PublicProbe.nodeinfo(), UrlShapes.homeOnly());
    }
}
