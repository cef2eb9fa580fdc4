package org.chatons.entraide.protocol;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * What a member's probe agent sends to every broker: the complete list of the member's hosts.
 * A host missing from a member's latest report is no longer offered by that member.
 *
 * @param member          the member's id; must match the bearer token
 * @param sentAt          when the agent measured (ISO-8601 instant); each report must be newer than the last
 * @param intervalSeconds how often the agent reports, so a broker can tell a late report from a normal gap
 * @param hosts           every host of the member, at least one
 */
@Serdeable
public record Report(String member, Instant sentAt, Integer intervalSeconds, List<HostReport> hosts) {

    /** Path of the broker endpoint that takes reports. */
    public static final String PATH = "/api/v1/reports";

    /** Largest body a broker accepts, in bytes. */
    public static final int MAX_BYTES = 64 * 1024;
}
