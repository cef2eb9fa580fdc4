package org.chatons.entraide.demo.standins;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One host's life in simulated time: users arrive and leave along a compressed day with the odd surge; now and
 * then the host goes down and comes back, a software with registrations closes them when it fills up, and a
 * videobridge drains for maintenance. Everything is drawn from a seeded generator, so a seed replays the same day.
 */
public final class SimulatedHost {

    /** A simulated day lasts this many simulated seconds (ten minutes), so a visitor sees load rise and fall. */
    static final double DAY = 600;
    /** Chances per simulated second. */
    static final double OUTAGE_RATE = 1.0 / 900;
    static final double SURGE_RATE = 1.0 / 500;
    static final double DRAIN_RATE = 1.0 / 1200;

    private final String label;
    private final int capacity;
    private final boolean closesWhenFull;
    private final boolean drains;
    private final double meanLoad;
    private final double phase;
    private final Random random;
    private double users;
    private double surge;
    private double downFor;
    private double drainFor;
    private boolean registrationsOpen = true;
    private double stored;
    private volatile HostState state;

    /**
     * @param label          "member/host", for the events
     * @param capacity       users the host can serve
     * @param closesWhenFull true for software with registrations (they close near capacity and reopen later)
     * @param drains         true for a videobridge, which drains now and then
     * @param meanLoad       the host's usual share of its capacity in use
     * @param seed           the generator's seed
     */
    public SimulatedHost(String label, int capacity, boolean closesWhenFull, boolean drains, double meanLoad, long seed) {
        this.label = label;
        this.capacity = capacity;
        this.closesWhenFull = closesWhenFull;
        this.drains = drains;
        this.meanLoad = meanLoad;
        this.random = new Random(seed);
        this.phase = random.nextDouble() * 2 * Math.PI;
        this.users = capacity * meanLoad * 0.5;
        this.stored = 1000 + random.nextInt(5000);
        publish();
    }

    /** What the stand-in shows now. */
    public HostState state() {
        return state;
    }

    /** Forces the host down or up, for tests and demonstrations. */
    public synchronized void setDown(double seconds) {
        downFor = seconds;
        publish();
    }

    /** Sends a rush of users, as a share of capacity on top of the usual load (it fades over a simulated minute). */
    public synchronized void rush(double share) {
        surge = share;
    }

    /**
     * Moves the host forward in simulated time.
     *
     * @param seconds simulated seconds since the last tick
     * @param now     simulated seconds since the start
     * @return what happened, for people to read ("goes down for 45 s")
     */
    public synchronized List<String> tick(double seconds, double now) {
        List<String> events = new ArrayList<>();
        if (downFor > 0) {
            downFor -= seconds;
            if (downFor <= 0) {
                events.add(label + " is back up");
            }
        } else if (random.nextDouble() < OUTAGE_RATE * seconds) {
            downFor = 30 + random.nextInt(60);
            events.add(label + " goes down for " + (int) downFor + " s");
        }
        if (random.nextDouble() < SURGE_RATE * seconds) {
            surge = 0.3 + random.nextDouble() * 0.5;
            events.add(label + ": a rush of new users");
        }
        surge *= Math.exp(-seconds / 60);
        double target = downFor > 0 ? 0
                : capacity * Math.max(0, meanLoad + 0.25 * Math.sin(2 * Math.PI * now / DAY + phase) + surge);
        users += (target - users) * Math.min(1, seconds / 20) + random.nextGaussian() * Math.sqrt(seconds) * capacity * 0.01;
        users = Math.max(0, Math.min(users, capacity * 1.05));
        if (closesWhenFull) {
            if (registrationsOpen && users >= capacity * 0.9) {
                registrationsOpen = false;
                events.add(label + " is nearly full and closes registrations");
            } else if (!registrationsOpen && users < capacity * 0.7) {
                registrationsOpen = true;
                events.add(label + " reopens registrations");
            }
        }
        if (drains) {
            if (drainFor > 0) {
                drainFor -= seconds;
                if (drainFor <= 0) {
                    events.add(label + " ends its drain");
                }
            } else if (downFor <= 0 && random.nextDouble() < DRAIN_RATE * seconds) {
                drainFor = 40 + random.nextInt(40);
                events.add(label + " drains for maintenance");
            }
        }
        stored += random.nextDouble() * seconds * 0.5;
        publish();
        return events;
    }

    private void publish() {
        state = new HostState(downFor <= 0, (int) Math.round(users), capacity, registrationsOpen, drainFor > 0, (long) stored);
    }
}
