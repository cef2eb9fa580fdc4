package org.chatons.entraide.bench.sim;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.chatons.entraide.broker.counting.NetworkBudget;
import org.chatons.entraide.broker.counting.Visit;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.selection.Dispatcher;
import org.chatons.entraide.broker.selection.NearFirst;
import org.chatons.entraide.broker.selection.Nearby;
import org.chatons.entraide.broker.selection.Pick;
import org.chatons.entraide.broker.selection.PickListener;
import org.chatons.entraide.broker.selection.Policy;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;

/**
 * One run of one contender on one scenario and seed, in virtual time.
 *
 * <p>Each host is its own member, with its own probe agent reporting every T seconds at its own phase: the
 * report is a real {@link Report} built from the users who have joined by then, given to every broker's real
 * {@link HostRegistry#accept}. Each broker is a real {@link Dispatcher} with its own registry, so it counts only
 * its own redirects. A user sent at t joins at t + join delay and leaves a session later; a crashed host loses its
 * users and stops reporting.
 */
public final class Simulation {

    /** The one service simulated. */
    public static final String SERVICE = "pad";
    /** The network of bots that all come from one source. */
    private static final long BOT_NETWORK = 0x5EEDL;


    private final Scenario scenario;
    private final Contender contender;
    private final EventQueue events = new EventQueue();
    private final SimClock clock = new SimClock(events);
    private final SplittableRandom users;
    private final SplittableRandom networks;
    private final SplittableRandom bots;
    private final SplittableRandom choices;
    private final SimHost[] hosts;
    private final Map<HostKey, SimHost> byKey = new HashMap<>();
    private final List<HostRegistry> registries = new ArrayList<>();
    private final List<Dispatcher> dispatchers = new ArrayList<>();
    /** Each broker's own budget per client network, as the web layer applies it before a pick. */
    private final List<NetworkBudget> budgets = new ArrayList<>();
    private final double arrivalsPerSecond;
    private final long start;

    /** What the oracle sees: every host as it really is. */
    private final WaterFilling.Hosts truth;

    private long aliveCapacity;
    private long globalSent;
    private final Recorder recorder;
    /** The locality scenario's countries and how picks use them; null in the other scenarios. */
    private final Locality locality;
    private final SplittableRandom origins;
    private final LocalityRecorder near;

    public Simulation(Scenario scenario, Contender contender, long seed) {
        this(scenario, contender, seed, null);
    }

    /**
     * A run where members and people are in countries ({@link Locality}); the same seed gives the same hosts,
     * people and countries whether or not the picks say where each person is. The countries are drawn from a
     * stream of their own, so the other draws are those of the run without them.
     */
    public Simulation(Scenario scenario, Contender contender, long seed, Locality locality) {
        this.scenario = scenario;
        this.contender = contender;
        this.locality = locality;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom setup = root.split();
        this.users = root.split();
        // Streams of their own, so adding bots or networks changes nothing of the users, hosts and crashes.
        this.networks = root.split();
        this.bots = root.split();
        // And countries: a locality run is the same run with people and members placed.
        this.origins = root.split();
        int[] countryOf = locality == null ? null : locality.countries().assign(scenario.hosts(), origins);
        this.choices = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.hosts = new SimHost[scenario.hosts()];
        this.truth = new Truth(hosts);
        double logMin = Math.log(Scenario.CAPACITY_MIN);
        double logMax = Math.log(Scenario.CAPACITY_MAX);
        for (int i = 0; i < hosts.length; i++) {
            int capacity = (int) Math.round(Math.exp(logMin + (logMax - logMin) * setup.nextDouble()) / 10) * 10;
            hosts[i] = locality == null ? new SimHost(i, capacity) : new SimHost(i, capacity,
                    locality.countries().code(countryOf[i]), locality.countries().language());
            byKey.put(hosts[i].key, hosts[i]);
            aliveCapacity += capacity;
        }
        long intervalMillis = scenario.intervalSeconds() * 1000L;
        long[] phases = new long[hosts.length];
        for (int i = 0; i < hosts.length; i++) {
            phases[i] = setup.nextLong(intervalMillis);
        }
        int crashes = Math.max(1, (int) Math.round(scenario.crashFraction() * hosts.length));
        int[] order = Shuffle.of(hosts.length, setup);
        long flashUsers = Math.round(scenario.flashFraction() * aliveCapacity);
        long[] flashTimes = new long[(int) flashUsers];
        for (int k = 0; k < flashTimes.length; k++) {
            flashTimes[k] = scenario.flashAtMillis() + setup.nextLong(60_000);
        }

        EligibilityRules rules = new EligibilityRules(Scenario.STALENESS, Scenario.FULL_AT, ZoneOffset.UTC);
        if (!contender.waterFilling()) {
            Policy policy = contender.brokerPolicy(scenario.brokers());
            for (int b = 0; b < scenario.brokers(); b++) {
                HostRegistry registry = new HostRegistry(contender.counting(scenario.brokers()));
                budgets.add(contender.budget(clock));
                registries.add(registry);
                dispatchers.add(new Dispatcher(registry, rules, new FederationStatus(registry, rules, clock), policy,
                        clock, new SplittableRandom(seed * 1_000_003L + b), PickListener.NONE,
                        new NearFirst(locality == null ? 0 : locality.tolerance())));
            }
        }
        this.arrivalsPerSecond = scenario.offeredLoad() * aliveCapacity / (scenario.meanSession().toMillis() / 1000.0);
        this.start = intervalMillis;
        this.recorder = new Recorder(scenario.warmUp().toMillis(), scenario.endMillis(), hosts.length);
        this.near = locality == null ? null : new LocalityRecorder(locality.countries(), countryOf, hosts);

        for (SimHost h : hosts) {
            events.at(phases[h.index], () -> report(h, intervalMillis));
        }
        // Arrivals start once every host has reported, so no one is turned away by an empty registry.
        events.at(start, this::poissonArrival);
        for (long t : flashTimes) {
            events.at(t, this::arrive);
        }
        for (int k = 0; k < crashes; k++) {
            SimHost h = hosts[order[k]];
            events.at(scenario.crashAtMillis(), () -> crash(h));
        }
        events.at(start, this::sample);
        if (scenario.bots().any() && !contender.waterFilling()) {
            events.at(Math.max(start, scenario.botsFromMillis()), this::botArrival);
        }
    }

    /** Runs the scenario to its end and returns what was measured. */
    public RunResult run() {
        events.runUntil(scenario.endMillis());
        return recorder.result();
    }

    /** The users each broker sent while measuring (by the broker's index), once it has run. */
    public Map<Integer, Long> sentByBroker() {
        return Map.copyOf(recorder.sentByBroker);
    }

    /** What the run measured of locality, once it has run; null outside a locality scenario. */
    public LocalityResult locality() {
        return near == null ? null : near.result();
    }

    private void poissonArrival() {
        arrive();
        double gapSeconds = -Math.log(1 - users.nextDouble()) / arrivalsPerSecond;
        events.after(Math.max(1, Math.round(gapSeconds * 1000)), this::poissonArrival);
    }

    /** A request that never becomes a user, through a broker like any other. */
    private void botArrival() {
        int broker = bots.nextInt(scenario.brokers());
        long network = scenario.bots().oneSource() ? BOT_NETWORK : bots.nextLong();
        if (viaBroker(broker, network, Nearby.ANYWHERE) != null && recorder.measuring(events.now())) {
            recorder.botsSent++;
        }
        double gapSeconds = -Math.log(1 - bots.nextDouble()) / (arrivalsPerSecond * scenario.bots().multiple());
        events.after(Math.max(1, Math.round(gapSeconds * 1000)), this::botArrival);
    }

    /** One new user: every draw is made whatever happens to the user, so all contenders see the same users. */
    private void arrive() {
        int broker = users.nextInt(scenario.brokers());
        long network = networks.nextLong();
        long joinDelay = users.nextLong(Scenario.JOIN_DELAY_MIN.toMillis(), Scenario.JOIN_DELAY_MAX.toMillis() + 1);
        long session = Math.max(1, Math.round(
                scenario.sessions().sample(scenario.meanSession().toMillis() / 1000.0, users) * 1000));
        long now = events.now();
        boolean measured = recorder.measuring(now);
        int origin = locality == null ? -1 : locality.countries().origin(origins);
        boolean roomAtHome = measured && origin >= 0 && near.hasRoom(hosts, origin);
        Nearby from = origin < 0 || !locality.prefer() ? Nearby.ANYWHERE
                : new Nearby(locality.countries().code(origin), locality.countries().language());
        SimHost h = contender.waterFilling() ? waterFill() : viaBroker(broker, network, from);
        if (measured && origin >= 0) {
            near.arrival(origin, h, roomAtHome);
        }
        if (h == null) {
            if (measured) {
                recorder.turnedAway++;
                recorder.turnedAwayBelowFull += fill() < Scenario.FULL_AT ? 1 : 0;
            }
            return;
        }
        globalSent++;
        h.sentSinceReport++;
        if (measured) {
            recorder.sent++;
            recorder.sentByBroker.merge(broker, 1L, Long::sum);
            recorder.sentToDead += h.alive ? 0 : 1;
            recorder.sentToFull += h.alive && h.present + h.joining >= h.capacity ? 1 : 0;
            recorder.sentAfterTtl += contender.waterFilling()
                    || now < h.lastReport + Scenario.STALENESS.after(scenario.intervalSeconds()).toMillis() ? 0 : 1;
        }
        if (!h.alive) {
            return;
        }
        h.joining++;
        events.after(joinDelay, () -> {
            h.joining--;
            if (h.alive) {
                h.present++;
                events.after(session, () -> {
                    if (h.alive) {
                        h.present--;
                    }
                });
            }
        });
    }

    private SimHost waterFill() {
        int i = WaterFilling.choose(truth, Scenario.FULL_AT, choices);
        return i < 0 ? null : hosts[i];
    }

    /**
     * The web layer's counting, then the broker's pick for someone from {@code from}: a network over its budget is
     * sent but not counted.
     */
    private SimHost viaBroker(int broker, long network, Nearby from) {
        Visit visit = budgets.get(broker).admit(network) ? Visit.COUNTED : Visit.OVER_BUDGET;
        Pick pick = dispatchers.get(broker).pick(SERVICE, visit, from);
        return pick instanceof Pick.Sent sent ? byKey.get(sent.host().key()) : null;
    }

    /** The real users present over the live capacity. */
    private double fill() {
        long present = 0;
        for (SimHost h : hosts) {
            present += h.alive ? h.present : 0;
        }
        return (double) present / aliveCapacity;
    }

    private void report(SimHost h, long intervalMillis) {
        if (!h.alive) {
            return;
        }
        long now = events.now();
        if (h.lastReport >= 0 && recorder.measuring(now)) {
            double fair = (double) (globalSent - h.globalSentAtReport) * h.capacity / aliveCapacity;
            recorder.hostIntervals++;
            recorder.herds += Herds.isHerd(h.sentSinceReport, fair) ? 1 : 0;
        }
        h.lastReport = now;
        h.sentSinceReport = 0;
        h.globalSentAtReport = globalSent;
        HostReport host = new HostReport("pad", SERVICE, "etherpad", "https://pad." + h.member.domains().get(0) + "/",
                HostStatus.UP, true, h.present, h.capacity, null, null);
        Report report = new Report(h.member.id(), clock.instant(), scenario.intervalSeconds(), List.of(host));
        for (HostRegistry registry : registries) {
            registry.accept(h.member, report, report.sentAt());
        }
        events.after(intervalMillis, () -> report(h, intervalMillis));
    }

    private void crash(SimHost h) {
        h.alive = false;
        h.present = 0;
        aliveCapacity -= h.capacity;
    }

    private void sample() {
        recorder.sample(events.now(), hosts);
        if (near != null && recorder.measuring(events.now())) {
            near.sample(hosts);
        }
        events.after(Scenario.SAMPLE_EVERY.toMillis(), this::sample);
    }
}
