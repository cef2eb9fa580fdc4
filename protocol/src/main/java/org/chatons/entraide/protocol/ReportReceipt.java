package org.chatons.entraide.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a broker answers a report it took ({@code 202 Accepted}): how many hosts it took in, and, for a dry run
 * ({@code ?dry-run=true}, the agent's {@code check}), that nothing was changed. A refusal is a problem
 * (RFC 9457) instead.
 *
 * @param accepted how many of the report's hosts the broker took in
 * @param dryRun   true when the report was checked only; absent otherwise
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportReceipt(int accepted, Boolean dryRun) {

    /** The field an agent reads to tell a receipt from another answer. */
    public static final String ACCEPTED = "accepted";

    /** The receipt of a report taken in, or only checked when {@code dryRun}. */
    public static ReportReceipt of(int accepted, boolean dryRun) {
        return new ReportReceipt(accepted, dryRun ? Boolean.TRUE : null);
    }
}
