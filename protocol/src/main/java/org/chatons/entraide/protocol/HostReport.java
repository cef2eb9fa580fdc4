package org.chatons.entraide.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One host's state in a report.
 *
 * @param id              the host's id, unique within its member ({@code [a-z0-9-]{1,64}})
 * @param service         a service id from the broker's catalogue ({@code pad}, {@code visio}, ...)
 * @param software        the software measured ({@code etherpad}, {@code jitsi}, ...), for people to read
 * @param url             where users are sent: https, under one of the member's domains
 * @param status          UP, DEGRADED or DOWN
 * @param acceptsNewUsers whether the host takes new users at all (registrations open, not in maintenance)
 * @param activeUsers     users active now (0 or more), or null when unknown: the software counts no users (Lufi,
 *                        Lstu, a plain HTTP check) or the probe could not read the count. Written as an explicit
 *                        {@code null}; an absent field means the same
 * @param capacityUsers   users the member says the host can serve (1 or more)
 * @param load            optional normalised load (1.0 = full) when the software gives one (Jitsi's stress);
 *                        otherwise the broker uses activeUsers / capacityUsers, and without either the host's
 *                        load is unknown
 * @param detail          optional human-readable reason for the status ("timeout after 5 s"), at most 200 characters
 * @param measuredAt      optional: when the probe measured this host (not after the report's sentAt). A broker
 *                        counts the users it sent after that instant as not yet in the figures; without it, the
 *                        report's sentAt stands for every host (agents before 0.2 do not send it)
 * @param rooms           optional, the member's word on the host's named rooms ({@link RoomsSetting}): {@code off},
 *                        or the shape of a room's address relative to {@code url}; absent: its software's own
 * @param upSince         optional: since when the agent has measured the host UP or DEGRADED and taking new users
 *                        at every measurement (its first such measurement since the last that was not, or since the
 *                        agent started). Brokers give a host group-link rooms only once it has been so for a warm-up;
 *                        absent (agents older than this field, declared hosts), a host takes rooms at once
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostReport(
        String id,
        String service,
        String software,
        String url,
        HostStatus status,
        Boolean acceptsNewUsers,
        @JsonInclude(JsonInclude.Include.ALWAYS) Integer activeUsers,
        Integer capacityUsers,
        Double load,
        String detail,
        Instant measuredAt,
        String rooms,
        Instant upSince) {

    /** The canonical constructor is the one the wire formats use. */
    @Creator
    @JsonCreator
    public HostReport {
    }

    /** A host report without a measuring instant: the report's sentAt stands for it. */
    public HostReport(String id, String service, String software, String url, HostStatus status,
                      Boolean acceptsNewUsers, Integer activeUsers, Integer capacityUsers, Double load, String detail) {
        this(id, service, software, url, status, acceptsNewUsers, activeUsers, capacityUsers, load, detail, null);
    }

    /** A host report that says nothing of since when the host is up: it takes rooms at once. */
    public HostReport(String id, String service, String software, String url, HostStatus status,
                      Boolean acceptsNewUsers, Integer activeUsers, Integer capacityUsers, Double load, String detail,
                      Instant measuredAt, String rooms) {
        this(id, service, software, url, status, acceptsNewUsers, activeUsers, capacityUsers, load, detail, measuredAt,
                rooms, null);
    }

    /** A host report that says nothing of named rooms: its software's own shape stands. */
    public HostReport(String id, String service, String software, String url, HostStatus status,
                      Boolean acceptsNewUsers, Integer activeUsers, Integer capacityUsers, Double load, String detail,
                      Instant measuredAt) {
        this(id, service, software, url, status, acceptsNewUsers, activeUsers, capacityUsers, load, detail, measuredAt,
                null);
    }

    /**
     * The load this report stands for: the reported figure, or users over capacity when none was given;
     * NaN when the report gives neither (see {@link #loadKnown()}).
     */
    public double effectiveLoad() {
        if (load != null) {
            return load;
        }
        if (activeUsers == null || capacityUsers == null || capacityUsers <= 0) {
            return Double.NaN;
        }
        return (double) activeUsers / capacityUsers;
    }

    /** Whether the report gives a load: the software's own figure, or a user count. */
    public boolean loadKnown() {
        return load != null || activeUsers != null;
    }
}
