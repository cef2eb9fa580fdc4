package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.EtherpadAnswers;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * Etherpad: collaborative pads. Its public {@code /stats} counts the people on pads now (while
 * {@code enableMetrics} is on); a pad ({@code /p/NAME}) lives on the host that made it.
 */
public final class Etherpad extends Software {

    public Etherpad() {
        super(Names.of("etherpad", "Etherpad", "Etherpad Lite"), List.of("pad"),
                PublicProbe.json("stats", EtherpadAnswers::statsAlone, true), UrlShapes.documentsNotMovable());
    }
}
