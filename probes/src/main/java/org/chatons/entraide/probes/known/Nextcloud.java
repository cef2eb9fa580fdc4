package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.NextcloudAnswers;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Nextcloud: file drives. Its public {@code status.php} says whether it serves; users need its serverinfo token.
 */
public final class Nextcloud extends Software {

    public Nextcloud() {
        super(Names.of("nextcloud", "Nextcloud"), List.of("drive"),
                PublicProbe.json(NextcloudAnswers.STATUS, NextcloudAnswers::status, false), UrlShapes.homeOnly());
    }
}
