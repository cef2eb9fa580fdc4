package org.chatons.entraide.agent.config;

import java.net.URI;
import java.nio.file.Path;

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
 * @param chatonsinfosFile the member's own ChatonsInfos service file for this host, whose
 *                        {@code service.registration.load} the agent keeps true; null for none
 * @param rooms           the member's word on the host's named rooms, sent in its reports
 *                        ({@code protocol.RoomsSetting}: off, or a shape), or null for the software's own
 */
public record HostConfig(
        String id,
        String service,
        String software,
        URI url,
        URI probeUrl,
        int capacityUsers,
        SecretRef secret,
        Boolean acceptsNewUsers,
        Path chatonsinfosFile,
        String rooms) {

    /** A host whose rooms are its software's. */
    public HostConfig(String id, String service, String software, URI url, URI probeUrl, int capacityUsers,
                      SecretRef secret, Boolean acceptsNewUsers, Path chatonsinfosFile) {
        this(id, service, software, url, probeUrl, capacityUsers, secret, acceptsNewUsers, chatonsinfosFile, null);
    }

    /** A host without a ChatonsInfos file to keep. */
    public HostConfig(String id, String service, String software, URI url, URI probeUrl, int capacityUsers,
                      SecretRef secret, Boolean acceptsNewUsers) {
        this(id, service, software, url, probeUrl, capacityUsers, secret, acceptsNewUsers, null);
    }
}
