package org.chatons.entraide.broker.counting;

import java.time.Duration;

/**
 * How much a redirect counts in a host's estimated load until the host's next report. Pure: the registry and the
 * simulator apply these rules with their own clock.
 *
 * <p>Every redirect is a reservation of one user on the host until a report shows whether the user came. A
 * redirect that never becomes a user (a script, a link preview, a crawler) reserves all the same, so an anonymous
 * flood could fill every host and turn real users away. The reports tell, after the fact: a host that grew by far
 * less than it was sent did not get those users. Each report is compared with the redirects it should include,
 * and the service's redirects count only as much as the reports confirm ({@link RedirectWeight}).
 *
 * <p>Users also leave between two reports, so a report's growth is a lower bound of the arrivals. The bound used
 * is the growth plus the most users who could have left: everyone staying {@code minStay} on average, at most
 * {@code users x (1 - e^(-interval / minStay))} of them leave within an interval. A shorter {@code minStay} trusts
 * redirects more (slower to discount a flood), a longer one discounts real users whose visits are shorter.
 *
 * @param joinGrace   how long a sent user takes to show in the host's count: the users sent this long before a
 *                    report was measured, or later, are carried over to the next estimate rather than taken as in it
 * @param minStay     the shortest average time users are assumed to stay on a host (the bound on departures)
 * @param floor       the least a redirect counts, however few arrivals the reports confirm (0 < floor <= 1)
 * @param minEvidence the redirects a service's reports must cover before they may discount it: fewer say nothing
 * @param brokers     how many brokers share the users: each counts only its own redirects, and a report's growth
 *                    comes from all of them
 * @param surge       how many times the rate of arrivals the reports recently allowed redirects may come at and
 *                    still count in full: beyond it (a flood starting, before any report could show it) they count
 *                    as that rate over theirs
 */
public record CountingRules(Duration joinGrace, Duration minStay, double floor, int minEvidence, int brokers,
                            double surge) {

    /** The window the rate of redirects is measured over, for {@link #surge}: short, to catch a flood's start. */
    public static final Duration RATE_WINDOW = Duration.ofSeconds(5);

    public CountingRules {
        if (joinGrace.isNegative() || minStay.compareTo(Duration.ZERO) <= 0 || !(floor > 0 && floor <= 1)
                || minEvidence < 1 || brokers < 1 || !(surge >= 1)) {
            throw new IllegalArgumentException("counting rules: joinGrace >= 0, minStay > 0, 0 < floor <= 1, "
                    + "minEvidence >= 1, brokers >= 1, surge >= 1 (expected), got " + this);
        }
    }

    /**
     * What one report says of the redirects it should include.
     *
     * @param sent        redirects this broker sent there between the previous report and this one (less the grace)
     * @param usersBefore the user count of the previous report
     * @param usersAfter  the user count of this report
     * @param between     the time between the two measurements
     */
    public Evidence evidence(int sent, int usersBefore, int usersAfter, Duration between) {
        double leftAtMost = usersBefore * -Math.expm1(-(double) between.toMillis() / minStay.toMillis());
        return new Evidence((long) sent * brokers, Math.max(0, usersAfter - usersBefore + leftAtMost),
                between.toMillis() / 1000.0);
    }

    /**
     * A report's account of the redirects it should include.
     *
     * @param sent           the redirects sent there over the report's interval, by every broker (this broker's,
     *                       scaled by the number of brokers)
     * @param arrivedAtMost  the most users who can have arrived over the interval: the growth plus the most who can
     *                       have left
     * @param seconds        how long the interval was
     */
    public record Evidence(long sent, double arrivedAtMost, double seconds) {
    }
}
