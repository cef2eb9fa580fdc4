package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.HedgedocAnswers;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * HedgeDoc (formerly CodiMD): collaborative notes. Its public {@code /status} counts the people on notes now
 * (while {@code enableStatsApi} is on, its default); a note lives on the host that made it.
 */
public final class Hedgedoc extends Software {

    public Hedgedoc() {
        super(Names.of("hedgedoc", "HedgeDoc", "CodiMD"), List.of("notes"),
                PublicProbe.json(HedgedocAnswers.STATUS, HedgedocAnswers::status, true), UrlShapes.documentsNotMovable());
    }
}
