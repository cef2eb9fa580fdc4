package org.chatons.entraide.broker.reports;

/**
 * Told what became of every report attempt. The metrics implement it, so the intake needs nothing of them and the
 * two packages do not depend on each other.
 */
public interface ReportListener {

    /** A report attempt whose sender is not known (no token, an unknown one, a body too large to read). */
    void unauthenticatedReport(Outcome outcome);

    /** A report of a known member, by outcome. */
    void report(String member, Outcome outcome);
}
