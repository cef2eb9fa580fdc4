package org.chatons.entraide.bench.sim;

import java.time.Duration;
import org.chatons.entraide.broker.eligibility.Staleness;

/**
 * One simulated situation. The same scenario and seed give every contender the same hosts, capacities, report
 * phases, arrivals, sessions, join delays, broker of each user and crashes: only the choices differ.
 *
 * @param id              short name, used for file names
 * @param hosts           n, all of one service
 * @param intervalSeconds T, how often each host's agent reports (each at its own random phase)
 * @param brokers         how many brokers share the users; each sees only its own redirects
 * @param sessions        how long users stay
 * @param offeredLoad     the steady-state share of the capacity in use: Poisson arrivals at
 *                        offeredLoad x total capacity / mean session
 * @param flashFraction   a flash crowd of this share of the total capacity, arriving within one minute
 * @param crashFraction   this share of the hosts (at least one) crash at once, lose their users and never report
 *                        again: their last report stays behind until it goes stale
 * @param warmUp          from an empty federation; not measured
 * @param measured        the measured time after the warm-up; the flash crowd comes a third into it, the crash two
 *                        thirds into it
 * @param bots            requests that never become users ({@link Bots#NONE} in the standard set)
 * @param meanSession     how long users stay on average ({@link #MEAN_SESSION} in the standard set)
 */
public record Scenario(String id, int hosts, int intervalSeconds, int brokers, Sessions sessions, double offeredLoad,
                       double flashFraction, double crashFraction, Duration warmUp, Duration measured, Bots bots,
                       Duration meanSession) {

    /** Mean session length: half an hour. */
    public static final Duration MEAN_SESSION = Duration.ofMinutes(30);
    /** A user sent at t shows in the host's count between t + 2 s and t + 6 s (uniformly). */
    public static final Duration JOIN_DELAY_MIN = Duration.ofSeconds(2);
    public static final Duration JOIN_DELAY_MAX = Duration.ofSeconds(6);
    /** Capacities are log-uniform between these, rounded to 10 users: a few large hosts, many small ones. */
    public static final int CAPACITY_MIN = 50;
    public static final int CAPACITY_MAX = 500;
    /** The broker's defaults ({@link BrokerDefaults}, its application.yml): when a report goes stale, full-at. */
    public static final Staleness STALENESS = BrokerDefaults.staleness();
    public static final double FULL_AT = BrokerDefaults.number("full-at");
    /** The same, {@code broker.counting}: join grace (at most), shortest stay learned, floor, evidence, surge. */
    public static final Duration JOIN_GRACE = BrokerDefaults.duration("counting.join-grace");
    public static final Duration MIN_STAY = BrokerDefaults.duration("counting.min-stay");
    public static final double WEIGHT_FLOOR = BrokerDefaults.number("counting.weight-floor");
    public static final int MIN_EVIDENCE = BrokerDefaults.integer("counting.min-evidence");
    public static final double SURGE = BrokerDefaults.number("counting.surge");
    /** The per-network budget: counted redirects per network per window, networks remembered. */
    public static final int PER_NETWORK = BrokerDefaults.integer("counting.per-network");
    public static final Duration PER_NETWORK_WINDOW = BrokerDefaults.duration("counting.per-network-window");
    public static final int MAX_NETWORKS = BrokerDefaults.integer("counting.max-networks");
    /** How often the balance is measured. */
    public static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

    /** A scenario whose users stay {@link #MEAN_SESSION} on average. */
    public Scenario(String id, int hosts, int intervalSeconds, int brokers, Sessions sessions, double offeredLoad,
                    double flashFraction, double crashFraction, Duration warmUp, Duration measured, Bots bots) {
        this(id, hosts, intervalSeconds, brokers, sessions, offeredLoad, flashFraction, crashFraction, warmUp,
                measured, bots, MEAN_SESSION);
    }

    public Scenario {
        if (hosts < 2 || intervalSeconds < 1 || brokers < 1 || offeredLoad <= 0 || meanSession.isNegative()
                || meanSession.isZero()) {
            throw new IllegalArgumentException(
                    "scenario " + id + ": hosts >= 2, interval >= 1, brokers >= 1, load > 0 (expected)");
        }
    }

    /** The standard shape: 90 min warm-up, 3 h measured, a flash crowd of 10 % of capacity, 10 % of hosts crash. */
    public static Scenario standard(int hosts, int intervalSeconds, int brokers, Sessions sessions, double load) {
        String id = "n" + hosts + "-t" + intervalSeconds + "-b" + brokers
                + (sessions == Sessions.LOGNORMAL ? "-lognormal" : "")
                + (load != 0.6 ? "-load" + Math.round(load * 100) : "");
        return new Scenario(id, hosts, intervalSeconds, brokers, sessions, load, 0.10, 0.10,
                Duration.ofMinutes(90), Duration.ofMinutes(180), Bots.NONE);
    }

    public Scenario withTimes(Duration warmUp, Duration measured) {
        return new Scenario(id, hosts, intervalSeconds, brokers, sessions, offeredLoad, flashFraction, crashFraction,
                warmUp, measured, bots, meanSession);
    }

    /**
     * The same scenario at another pace: users staying {@code session} on average, agents reporting every
     * {@code intervalSeconds}; warmed up over three stays and measured over twenty, and at least 3 and 12 report
     * intervals, so every pace is seen in its steady state and over enough reports.
     */
    public Scenario atPace(Duration session, int interval) {
        Duration every = Duration.ofSeconds(interval);
        Duration warm = max(session.multipliedBy(3), every.multipliedBy(3));
        Duration measure = max(session.multipliedBy(20), every.multipliedBy(12));
        return new Scenario(id + "-s" + session.toSeconds() + "-t" + interval, hosts, interval, brokers, sessions,
                offeredLoad, flashFraction, crashFraction, warm, measure, bots, session);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The same scenario under attack (and without a flash crowd when {@code flash} is false). */
    public Scenario withBots(Bots attack, boolean flash) {
        String bots = attack.any()
                ? "-bots" + Math.round(attack.multiple()) + (attack.oneSource() ? "-one" : "-many") : "";
        String suffix = bots + (flash ? "" : "-noflash");
        return new Scenario(id + suffix, hosts, intervalSeconds, brokers, sessions, offeredLoad,
                flash ? flashFraction : 0, crashFraction, warmUp, measured, attack, meanSession);
    }

    public long botsFromMillis() {
        return warmUp.plus(Duration.ofMillis((long) (measured.toMillis() * bots.startShare()))).toMillis();
    }

    public long flashAtMillis() {
        return warmUp.plus(measured.dividedBy(3)).toMillis();
    }

    public long crashAtMillis() {
        return warmUp.plus(measured.multipliedBy(2).dividedBy(3)).toMillis();
    }

    public long endMillis() {
        return warmUp.plus(measured).toMillis();
    }

    public String describe() {
        return hosts + " hosts, T = " + intervalSeconds + " s, " + brokers + (brokers == 1 ? " broker" : " brokers")
                + ", " + sessions.label() + " sessions, load " + Math.round(offeredLoad * 100) + " %"
                + (bots.any() ? ", " + bots.label() : "") + (flashFraction == 0 ? ", no flash crowd" : "");
    }
}
