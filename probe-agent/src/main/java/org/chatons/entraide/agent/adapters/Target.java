package org.chatons.entraide.agent.adapters;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.probes.software.Homes;

/**
 * One host as an adapter sees it.
 *
 * @param hostId  the host's id, for adapters that remember something per host (Nextcloud's back-off)
 * @param url     the probe URL, as configured
 * @param secret  the credential the software's API needs, or null
 * @param timeout the time the whole probe may take
 * @param clock   the time source, injected so tests can move it
 */
public record Target(String hostId, URI url, Secret secret, Duration timeout, Clock clock) {

    /** The probe URL ending with a slash, so that an API path such as {@code "stats"} resolves under it. */
    public URI base() {
        return Homes.base(url);
    }
}
