package org.chatons.entraide.bench.jmh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.bench.sim.Contender;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.selection.Dispatcher;
import org.chatons.entraide.broker.selection.NearFirst;
import org.chatons.entraide.broker.selection.Nearby;
import org.chatons.entraide.broker.selection.Pick;
import org.chatons.entraide.broker.selection.PickListener;
import org.chatons.entraide.broker.selection.Policies;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.chatons.entraide.protocol.Report;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code Dispatcher.pick} among n hosts of one service, as {@code /go/pad} does it, on the broker's real
 * registry and rules: the common case, where no report arrived since the previous pick.
 *
 * <p>Hosts are spread over at least five members, of at most 100 hosts each, with loads between 0 and 0.8. Capacities are in the
 * hundreds of millions so the benchmark's own picks never fill a host and change what is measured (a pick costs
 * the same whatever the capacity). {@code least-loaded} is there to show what a look at every host costs.
 * {@code near}: {@code anywhere} is a pick with no preference; {@code BE} prefers the hosts in Belgium (one member
 * in five is there), as {@code /go?near=BE} or a browser saying fr-BE does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PickBenchmark {

    static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");

    @Param({"10", "100", "1000", "10000"})
    int hosts;

    @Param({"d-choices", "least-loaded"})
    String policy;

    @Param({"anywhere", "BE"})
    String near;

    Nearby nearby;

    Dispatcher dispatcher;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        HostRegistry registry = new HostRegistry(Contender.brokerDefault(2).counting(1));
        int perMember = Math.max(1, Math.min(hosts / 5, 100));
        for (int m = 0; m < hosts / perMember; m++) {
            String id = "member-" + m;
            Member member = new Member(id, id, "0".repeat(64), List.of(id + ".example.org"),
                    LocalDate.of(2099, 12, 31), m % 5 == 1 ? "BE" : "FR", List.of("fr"));
            HostReport[] reports = new HostReport[perMember];
            for (int h = 0; h < perMember; h++) {
                int capacity = 100_000_000 + random.nextInt(900_000_000);
                int users = (int) (capacity * 0.8 * random.nextDouble());
                String url = "https://pad-" + h + "." + id + ".example.org/";
                reports[h] = new HostReport("pad-" + h, "pad", "etherpad", url,
                        HostStatus.UP, true, users, capacity, null, null);
            }
            registry.accept(member, new Report(id, NOW, 30, List.of(reports)), NOW);
        }
        Clock clock = Clock.fixed(NOW.plusSeconds(10), ZoneOffset.UTC);
        EligibilityRules rules = new EligibilityRules(Duration.ofSeconds(90), 0.85, ZoneOffset.UTC);
        dispatcher = new Dispatcher(registry, rules, new FederationStatus(registry, rules, clock),
                Policies.byName(policy, 2, 1), clock, new SplittableRandom(2), PickListener.NONE, new NearFirst(0.01));
        nearby = near.equals("anywhere") ? Nearby.ANYWHERE : new Nearby(near, "fr");
        if (!(dispatcher.pick("pad", nearby) instanceof Pick.Sent)) {
            throw new IllegalStateException("no host eligible: the benchmark would measure the wrong path");
        }
    }

    @Benchmark
    public Pick pick() {
        return dispatcher.pick("pad", nearby);
    }
}
