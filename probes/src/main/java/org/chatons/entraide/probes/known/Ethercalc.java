package org.chatons.entraide.probes.known;

import java.util.List;
import org.chatons.entraide.probes.software.Names;
import org.chatons.entraide.probes.software.PublicProbe;
import org.chatons.entraide.probes.software.Software;
import org.chatons.entraide.probes.software.UrlShapes;

/**
 * EtherCalc: collaborative spreadsheets; a sheet ({@code /NAME}) lives on the host that made it.
 */
public final class Ethercalc extends Software {

    public Ethercalc() {
        super(Names.of("ethercalc", "EtherCalc"), List.of("calc"),
                PublicProbe.plain(), UrlShapes.documentsNotMovable());
    }
}
