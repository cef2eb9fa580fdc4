package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * BigBlueButton: video classes. Rooms are made through its front end, not from a name in a link.
 */
public final class BigBlueButton extends Software {

    public BigBlueButton() {
        super(Names.of("bigbluebutton", "BigBlueButton"), List.of("visio"),
                PublicProbe.plain(), UrlShapes.homeOnly());
    }
}
