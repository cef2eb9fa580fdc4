package org.chatons.entraide.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

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
        String detail) {

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
