package org.chatons.entraide.broker.config;

/**
 * The condition every {@code @Scheduled} job of the broker carries: it runs unless {@code broker.scheduled-jobs}
 * is {@code false}, which only tests that run the jobs themselves set, so no round of a job comes between two of
 * their steps. Micronaut evaluates it before each run.
 */
public final class SchedulingSwitch {

    /** An evaluated expression: the setting as text, so a map's {@code false} and a file's "false" both turn it off. */
    public static final String ON = "#{ env['broker.scheduled-jobs'] != 'false' }";

    private SchedulingSwitch() {
    }
}
