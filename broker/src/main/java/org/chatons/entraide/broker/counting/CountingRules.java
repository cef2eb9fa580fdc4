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
 * <p>Users also leave between two reports, so a report sees only the arrivals still there when it is measured. The
 * bound used is that people leave at most {@link #DEPARTURE_MARGIN} times as fast as the service's learned stay
 * says: of the users before, at most {@code users x (1 - e^(-x))} can have left, {@code x = margin x interval /
 * stay}, so the arrivals still there are at most the growth plus those; and of the redirects, each can have left by
 * then with the same fast departures, so at least {@code e^(-margin x age / stay)} of each should still be there,
 * by its age at the measurement. The report confirms as many redirects as the first over the second. Honest traffic
 * then always confirms its redirects, whatever its pace: where reports are ten stays apart, the report sees only the
 * last stay's redirects, and expects only those. A flood of more than about {@code margin - 1} times the real rate
 * shows as redirects the reports do not confirm, at every pace, as long as the learned stay holds (it cannot be
 * taught a shorter one by a flood: {@link RedirectWeight#stay()}).
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

    /** The shortest stay people are assumed to have: the usual one, over {@link #DEPARTURE_MARGIN}, in seconds. */
    public static double fastestStaySeconds(Duration stay) {
        return stay.toMillis() / 1000.0 / DEPARTURE_MARGIN;
    }

    /**
     * Of arrivals coming evenly over an interval, the least share still there at its end, people leaving as fast as
     * {@link #fastestStaySeconds} says: {@code (1 - e^(-x)) / x}, {@code x = margin x interval / stay}.
     */
    public static double stillThereIfEven(Duration between, Duration stay) {
        double x = DEPARTURE_MARGIN * between.toMillis() / stay.toMillis();
        return x == 0 ? 1 : -Math.expm1(-x) / x;
    }

    /**
     * What one report says of the redirects it should include.
     *
     * @param sent        redirects this broker sent there between the previous report and this one (less the grace)
     * @param sentThere   of those, how many can still be there when this one was measured, each leaving as
     *                    {@link #fastestStaySeconds} says by its age then ({@code Sends.Split#countedStillThere})
     * @param usersBefore the user count of the previous report
     * @param usersAfter  the user count of this report
     * @param between     the time between the two measurements
     * @param stay        the service's usual stay ({@link RedirectWeight#stay()}): people are assumed to leave at
     *                    most {@link #DEPARTURE_MARGIN} times as fast
     */
    public Evidence evidence(int sent, double sentThere, int usersBefore, int usersAfter, Duration between,
                             Duration stay) {
        double seconds = between.toMillis() / 1000.0;
        double x = DEPARTURE_MARGIN * between.toMillis() / stay.toMillis();
        double arrivedThere = Math.max(0, usersAfter - usersBefore * Math.exp(-x));
        // For the rate of arrivals: those still there, had they come evenly over the interval.
        return new Evidence((long) sent * brokers, sentThere * brokers, arrivedThere,
                arrivedThere / stillThereIfEven(between, stay),
                seconds, (usersBefore + usersAfter) / 2.0 * seconds);
    }

    /**
     * A report's account of the redirects it should include.
     *
     * @param sent          the redirects sent there over the report's interval, by every broker (this broker's,
     *                      scaled by the number of brokers)
     * @param sentThere     of those, how many should still be there when it was measured, had they all become users
     *                      leaving as fast as the bound says (scaled the same way)
     * @param arrivedThere  the most users who can have arrived over the interval and still be there: the growth plus
     *                      the most who can have left
     * @param arrivedAtMost the most users who can have arrived over the interval, had they come evenly over it
     * @param seconds       how long the interval was
     * @param userSeconds   the users present over the interval, times its length (the mean of the two counts):
     *                      with {@code sent}, what Little's law makes a usual stay of
     */
    public record Evidence(long sent, double sentThere, double arrivedThere, double arrivedAtMost, double seconds,
                           double userSeconds) {
    }
}
