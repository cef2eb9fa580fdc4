package org.chatons.entraide.demo.standins;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * All the stand-ins of a demo, and the clock that moves their simulated lives forward: a tick every quarter of a
 * second, worth a quarter of a second times the speed factor.
 */
public final class Simulation implements AutoCloseable {

    /**
     * One stand-in to start.
     *
     * @param member    the member's id
     * @param hostId    the host's id
     * @param service   the service it offers
     * @param software  the software it imitates
     * @param capacity  users it can serve
     * @param meanLoad  its usual share of capacity in use
     * @param port      its port, 0 for a free one
     * @param secret    the credential its API checks (Nextcloud's NC-Token), or null
     */
    public record Spec(String member, String hostId, String service, String software, int capacity, double meanLoad,
                       int port, String secret) {
    }

    private static final long TICK_MILLIS = 250;

    private final List<StandIn> standIns;
    private final ScheduledExecutorService ticker;
    private final ExecutorService answering;

    private Simulation(List<StandIn> standIns, ScheduledExecutorService ticker, ExecutorService answering) {
        this.standIns = List.copyOf(standIns);
        this.ticker = ticker;
        this.answering = answering;
    }

    /**
     * Starts every stand-in and the simulated clock.
     *
     * @param specs  the stand-ins
     * @param bind   the address they listen on
     * @param speed  simulated seconds per real second
     * @param seed   the seed of every host's generator
     * @param events where "goes down", "is back up"... are told
     */
    public static Simulation start(List<Spec> specs, InetAddress bind, double speed, long seed, Consumer<String> events)
            throws IOException {
        ExecutorService answering = Executors.newFixedThreadPool(4, daemon("stand-in"));
        List<StandIn> standIns = new ArrayList<>();
        try {
            Apis apis = Apis.load();
            for (Spec spec : specs) {
                Api kind = apis.kind(spec.software());
                SimulatedHost host = new SimulatedHost(spec.member() + "/" + spec.hostId(), spec.capacity(),
                        kind.closesWhenFull(), kind.drains(), spec.meanLoad(), seed * 31 + standIns.size());
                standIns.add(StandIn.start(spec.member(), spec.hostId(), spec.service(), host, bind, spec.port(), answering,
                        origin -> kind.at(origin, spec.secret(), Clock.systemUTC())));
            }
        } catch (IOException | RuntimeException e) {
            standIns.forEach(StandIn::close);
            answering.shutdownNow();
            throw e;
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("simulation"));
        double step = TICK_MILLIS / 1000.0 * speed;
        double[] now = {0};
        ticker.scheduleAtFixedRate(() -> {
            now[0] += step;
            for (StandIn standIn : standIns) {
                standIn.host().tick(step, now[0]).forEach(events);
            }
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return new Simulation(standIns, ticker, answering);
    }

    /** The stand-ins, in the order of the specs. */
    public List<StandIn> standIns() {
        return standIns;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        standIns.forEach(StandIn::close);
        answering.shutdownNow();
    }
}
