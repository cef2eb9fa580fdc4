package org.chatons.entraide.probes.software;

import java.util.List;
import java.util.Objects;

/**
 * One software the federation knows, whole: its names, the services it offers, what its public endpoint shows
 * without a password, and its addresses. One small subclass per software in {@code org.chatons.entraide.probes.known},
 * listed in {@code META-INF/services/org.chatons.entraide.probes.software.Software} and found by {@link Softwares}:
 * the agent's adapters, the broker's catalogue and public probes, and the demo's stand-ins all take it from there,
 * so a new software is one new class and one line, in the manner of node_exporter's collectors.
 *
 * <p>How its API is read, with a password, is the probe agent's adapter of the same name; the parsers both sides use
 * are the {@code *Answers} classes of {@code org.chatons.entraide.probes}.
 */
public abstract class Software {

    private final Names names;
    private final List<String> services;
    private final PublicProbe publicProbe;
    private final UrlShapes urls;

    /**
     * @param names       what it is called in reports, in ChatonsInfos and on the picker
     * @param services    the catalogue services it offers ({@code pad}, {@code visio}), the first the one a
     *                    declaration of it stands for; none for a generic probe (any NodeInfo server, any web page)
     * @param publicProbe what its public endpoint shows without a password
     * @param urls        its named rooms or documents, if any
     */
    protected Software(Names names, List<String> services, PublicProbe publicProbe, UrlShapes urls) {
        this.names = Objects.requireNonNull(names, "names");
        this.services = List.copyOf(services);
        this.publicProbe = Objects.requireNonNull(publicProbe, names.inReports() + ": public probe");
        this.urls = Objects.requireNonNull(urls, names.inReports() + ": URL shapes");
    }

    public final Names names() {
        return names;
    }

    /** Its name in reports and in the agent's configuration. */
    public final String name() {
        return names.inReports();
    }

    public final List<String> services() {
        return services;
    }

    public final PublicProbe publicProbe() {
        return publicProbe;
    }

    public final UrlShapes urls() {
        return urls;
    }

    @Override
    public final String toString() {
        return names.readable();
    }
}
