package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.protocol.HostStatus;

/**
 * Measures one kind of software through its own API, with the password a member gives it. One small class per
 * software, listed in {@code META-INF/services/org.chatons.entraide.agent.adapters.Adapter}: the software's
 * definition (its names, services, public probe) and its parsers are in {@code probes/}, so agent support for a
 * software is one new class, one line there and one test, and nothing else changes.
 *
 * <p>An adapter only asks and interprets. The {@link ProbeRunner} applies the timeout, times the probe, records
 * metrics and turns a transport failure ({@link IOException}) into a DOWN host, so an adapter need not.
 * A figure the software does not give is left null: "no data" is not an error.
 */
public interface Adapter {

    /**
     * The software measured, by its name in {@code probes/} ({@code org.chatons.entraide.probes.software.Softwares}),
     * which is also {@code software:} in the configuration and in reports, such as {@code etherpad}.
     */
    String software();

    /**
     * Measures the host once.
     *
     * @param target what to measure and with which credential
     * @param http   requests bounded in time and size, relative to the target's probe URL
     * @throws IOException when the host cannot be reached at all
     */
    Measurement probe(Target target, Http http) throws IOException, InterruptedException;

    /** What a further request adds to a measurement. */
    @FunctionalInterface
    interface Details {
        Measurement add(Measurement found) throws IOException, InterruptedException;
    }

    /** The health check, then its details, asked only of a host that is not DOWN: there is nothing more to know. */
    static Measurement unlessDown(Measurement health, Details details) throws IOException, InterruptedException {
        return health.status() == HostStatus.DOWN ? health : details.add(health);
    }
}
