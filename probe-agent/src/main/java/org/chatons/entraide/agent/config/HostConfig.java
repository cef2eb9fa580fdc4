package org.chatons.entraide.agent.config;

import java.net.URI;

/**
 * One host of the member, as configured.
 *
 * @param id              the host's id, unique within the member
 * @param service         the service it offers ({@code pad}, {@code visio}, ...)
 * @param software        which adapter measures it ({@code etherpad}, {@code jitsi}, ...)
 * @param url             where users are sent (reported to the broker)
 * @param probeUrl        where the agent measures; the same as url unless configured
 * @param capacityUsers   how many users the member says the host can serve
 * @param secret          the credential the software's API needs (Nextcloud's NC-Token), or null
 * @param acceptsNewUsers the member's override of what the software says, or null to follow the software
 */
public record HostConfig(
        String id,
        String service,
        String software,
        URI url,
        URI probeUrl,
        int capacityUsers,
        SecretRef secret,
        Boolean acceptsNewUsers) {
}
