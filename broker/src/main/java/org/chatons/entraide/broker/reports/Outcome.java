package org.chatons.entraide.broker.reports;

/** What became of a report, as counted in {@code entraide_reports_total{outcome}}. */
public enum Outcome {
    ACCEPTED(202, null),
    DRY_RUN(202, null),
    MALFORMED(400, "The body is not a readable report"),
    INVALID(400, "The report is invalid"),
    UNAUTHORIZED(401, "Missing or unknown member token"),
    FORBIDDEN(403, "The report is not this member's to make"),
    REPLAY(409, "The report is not newer than the last one accepted"),
    TOO_LARGE(413, "The report is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Reports must be application/json");

    private final int status;
    private final String title;

    Outcome(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The label value in metrics: {@code too_large}. */
    public String label() {
        return name().toLowerCase();
    }

    /** The problem type, a stable identifier clients can switch on. */
    public String problemType() {
        return "/problems/" + name().toLowerCase().replace('_', '-');
    }
}
