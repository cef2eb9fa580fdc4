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
 * <p>No duration here is the service's: services have every pace (a poll vote takes a minute, a call an hour) and
 * agents report every 5 s to 10 min. How soon a person sent shows in a count is taken from the host's own
 * reporting interval ({@link #joinGrace}); how long people stay is learned per service from its reports
 * ({@link RedirectWeight#stay()}). The two settings are bounds.
 *
 * <p>Users also leave between two reports, so a report's growth is a lower bound of the arrivals. The bound used
 * is the growth plus the most users who could have left: people leaving {@link #DEPARTURE_MARGIN} times as fast as
 * the service's learned stay says, at most {@code users x (1 - e^(-x))} of them within an interval, {@code x = margin
 * x interval / stay}; and the arrivals of the interval leaving too, so that only {@code (1 - e^(-x)) / x} of them
 * (arriving evenly over it), and no less than {@code 1 / margin}, need still be there at its end. Without that last part, where reports are as slow as
 * people leave (5 min stays, 5 min reports), a third of the honest arrivals had left again by the next report and
 * looked unconfirmed. Honest traffic then always shows at least as many arrivals as redirects, whatever its pace,
 * and a flood of more than about {@code margin - 1} times the real rate (more where reports are as slow as the
 * stays, which tell less) shows as redirects the reports do not confirm.
 *
 * @param joinGraceAtMost the longest a sent user is assumed to take to show in a host's count, whatever its
 *                        interval (see {@link #joinGrace})
 * @param stayAtLeast     the shortest usual stay the service's reports may teach (see {@link RedirectWeight#stay()}),
 *                        and the stay assumed until they have taught one
 * @param floor           the least a redirect counts, however few arrivals the reports confirm (0 < floor <= 1)
 * @param minEvidence     the redirects a service's reports must cover before they may discount it: fewer say
 *                        nothing
 * @param brokers         how many brokers share the users: each counts only its own redirects, and a report's growth
 *                        comes from all of them
 * @param surge           how many times the rate of arrivals the reports recently allowed redirects may come at
 *                        and still count in full: beyond it (a flood starting, before any report could show it) they
 *                        count as that rate over theirs
 * @param departures      whether a user sent since a host's report counts as still there only as likely as the
 *                        service's learned stay makes it, {@code e^(-age / stay)}: with reports as slow as people
 *                        leave, counting each in full until the next report piles up users who already left (the
 *                        broker's setting; false only for the simulator's plain corrected two-choices reference)
 */
public record CountingRules(Duration joinGraceAtMost, Duration stayAtLeast, double floor, int minEvidence,
                            int brokers, double surge, boolean departures) {

    /** The broker's rules: users sent since a report leave as the learned stay says ({@code departures}). */
    public CountingRules(Duration joinGraceAtMost, Duration stayAtLeast, double floor, int minEvidence, int brokers,
                         double surge) {
        this(joinGraceAtMost, stayAtLeast, floor, minEvidence, brokers, surge, true);
    }

    /** The window the rate of redirects is measured over, for {@link #surge}: short, to catch a flood's start. */
    public static final Duration RATE_WINDOW = Duration.ofSeconds(5);

    /** How many times as fast as usual people are assumed, at most, to leave (see the class comment). */
    public static final double DEPARTURE_MARGIN = 2;

    /** The share of a host's reporting interval a sent user is given to show in its count. */
    static final double GRACE_SHARE_OF_INTERVAL = 0.5;

    public CountingRules {
        if (joinGraceAtMost.isNegative() || stayAtLeast.compareTo(Duration.ZERO) <= 0 || !(floor > 0 && floor <= 1)
                || minEvidence < 1 || brokers < 1 || !(surge >= 1)) {
            throw new IllegalArgumentException("counting rules: joinGraceAtMost >= 0, stayAtLeast > 0, "
                    + "0 < floor <= 1, minEvidence >= 1, brokers >= 1, surge >= 1 (expected), got " + this);
        }
    }

    /**
     * How long a user sent to a host that reports every {@code intervalSeconds} is given to show in its count: the
     * users sent this long before a report was measured, or later, are carried over to the next estimate rather
     * than taken as in it. Half the host's interval, at most {@link #joinGraceAtMost}: a host measured every 5 s
     * carries over the users of the last 2.5 s, not the whole interval, which its count already includes (the
     * users would count twice, and every one of them would look unconfirmed); a host measured every 5 minutes
     * carries over the last few seconds only, not minutes of users it already counts.
     */
    public Duration joinGrace(int intervalSeconds) {
        long half = Math.round(intervalSeconds * 1000 * GRACE_SHARE_OF_INTERVAL);
        return Duration.ofMillis(Math.min(half, joinGraceAtMost.toMillis()));
    }

    /**
     * What one report says of the redirects it should include.
     *
     * @param sent        redirects this broker sent there between the previous report and this one (less the grace)
     * @param usersBefore the user count of the previous report
     * @param usersAfter  the user count of this report
     * @param between     the time between the two measurements
     * @param stay        the service's usual stay ({@link RedirectWeight#stay()}): people are assumed to leave at
     *                    most {@link #DEPARTURE_MARGIN} times as fast
     */
    public Evidence evidence(int sent, int usersBefore, int usersAfter, Duration between, Duration stay) {
        double seconds = between.toMillis() / 1000.0;
        double x = DEPARTURE_MARGIN * between.toMillis() / stay.toMillis();
        double leftAtMost = usersBefore * -Math.expm1(-x);
        // The least share of the interval's arrivals still there at its end, had they come evenly over it; never
        // taken below 1 / margin, so that reports much slower than the stay (or a stay not learned yet, assumed the
        // shortest) cannot let any flood through: arrivals are allowed at most margin times what the report shows.
        double stayedAtLeast = x == 0 ? 1 : Math.max(1 / DEPARTURE_MARGIN, -Math.expm1(-x) / x);
        return new Evidence((long) sent * brokers, Math.max(0, usersAfter - usersBefore + leftAtMost) / stayedAtLeast,
                seconds, (usersBefore + usersAfter) / 2.0 * seconds);
    }

    /**
     * A report's account of the redirects it should include.
     *
     * @param sent           the redirects sent there over the report's interval, by every broker (this broker's,
     *                       scaled by the number of brokers)
     * @param arrivedAtMost  the most users who can have arrived over the interval: the growth plus the most who can
     *                       have left, over the least share of the interval's arrivals still there at its end
     * @param seconds        how long the interval was
     * @param userSeconds    the users present over the interval, times its length (the mean of the two counts):
     *                       with {@code sent}, what Little's law makes a usual stay of
     */
    public record Evidence(long sent, double arrivedAtMost, double seconds, double userSeconds) {
    }
}
