package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.TrackedHost;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.Report;
import org.junit.jupiter.api.Test;

/**
 * The registry and the dispatcher under reports, picks and the janitor at once, from several threads started
 * together by a barrier; the invariants are checked while they run and after. Each test runs in a second or two.
 */
class ConcurrentDispatchTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    static final int THREADS = 4;

    final TestClock clock = new TestClock(T0.plus(Duration.ofDays(1)));
    final HostRegistry registry = new HostRegistry(Fixtures.counting());
    final EligibilityRules rules = new EligibilityRules(Duration.ofDays(3), 0.85, ZoneId.of("Europe/Paris"));
    /** Every thread draws from its own generator, as the broker's does. */
    final RandomGenerator random = new RandomGenerator() {
        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }
    };
    final Dispatcher dispatcher = new Dispatcher(registry, rules, new FederationStatus(registry, rules, clock),
            new PowerOfChoices(2, true), clock, random, PickListener.NONE);

    /** Set when a task fails, so that the loops of the others end rather than wait for it. */
    final AtomicBoolean failed = new AtomicBoolean();

    /** Runs each task on its own thread, all released at once; rethrows the first failure. */
    void together(List<Runnable> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (Runnable task : tasks) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    task.run();
                } catch (Throwable e) {
                    failures.add(e);
                    failed.set(true);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            // Bounded: a thread stuck (a deadlock) fails the test, and the others are told to stop.
            t.join(Duration.ofMinutes(1).toMillis());
            if (t.isAlive()) {
                failed.set(true);
                throw new AssertionError("a thread still runs after a minute, at "
                        + Arrays.toString(t.getStackTrace()));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a thread failed", failures.get(0));
        }
    }

    static HostReport[] hosts(String member, List<String> ids) {
        return ids.stream().map(id -> host(member, id, "pad", 0, 1_000_000)).toArray(HostReport[]::new);
    }

    @Test
    void everyCountedPickIsCountedOnceWhateverTheReportsDoMeanwhile() throws Exception {
        List<Member> members = List.of(member("alpha"), member("beta"), member("gamma"));
        List<String> ids = List.of("pad-1", "pad-2", "pad-3", "pad-4", "pad-5");
        AtomicLong picks = new AtomicLong();
        AtomicBoolean picking = new AtomicBoolean(true);
        for (Member m : members) {
            registry.accept(m, Fixtures.report(m.id(), T0, hosts(m.id(), ids)), clock.instant());
        }

        List<Runnable> tasks = new ArrayList<>();
        for (Member m : members) {
            // Reports measured long before the picks: every pick is after their grace, so each must be carried over.
            tasks.add(() -> {
                for (int k = 1; picking.get() && !failed.get(); k++) {
                    registry.accept(m, Fixtures.report(m.id(), T0.plusMillis(k), hosts(m.id(), ids)), clock.instant());
                }
            });
        }
        for (int t = 0; t < THREADS; t++) {
            tasks.add(() -> {
                for (int k = 0; k < 20_000 && !failed.get(); k++) {
                    assertThat(dispatcher.pick("pad")).isInstanceOf(Pick.Sent.class);
                    picks.incrementAndGet();
                }
            });
        }
        tasks.add(() -> {
            while (picks.get() < THREADS * 20_000L && !failed.get()) {
                assertThat(registry.forgetObservedBefore(T0.minusSeconds(1))).isZero();
            }
            picking.set(false);
        });
        together(tasks);

        long counted = registry.hosts("pad").stream().mapToLong(TrackedHost::sentSinceReport).sum();
        assertThat(counted).isEqualTo(THREADS * 20_000L);
    }

    @Test
    void theJanitorNeverTakesAHostThatAReportHasJustInstalledAndNoReportIsLost() throws Exception {
        // Each member sends a report measured before the janitor's cutoff, then fresh ones with a random subset of
        // its hosts, while the janitor forgets everything measured before the cutoff as fast as it can.
        Instant cutoff = T0.plus(Duration.ofHours(1));
        int perThread = 300;
        List<String> ids = List.of("pad-1", "pad-2", "pad-3", "pad-4");
        java.util.Map<String, Set<String>> lastReported = new ConcurrentHashMap<>();
        AtomicBoolean reporting = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        List<Runnable> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                for (int k = 0; k < perThread && !failed.get(); k++) {
                    Member m = member("m" + thread + "-" + k);
                    registry.accept(m, Fixtures.report(m.id(), T0, hosts(m.id(), ids)), clock.instant());
                    List<String> last = ids;
                    for (int n = 1; n <= 3; n++) {
                        last = ids.stream().filter(id -> r.nextBoolean()).toList();
                        last = last.isEmpty() ? List.of("pad-1") : last;
                        Report fresh = Fixtures.report(m.id(), cutoff.plusMillis(n), hosts(m.id(), last));
                        registry.accept(m, fresh, clock.instant());
                        for (String id : last) {
                            assertThat(registry.find(new HostKey(m.id(), id))).as(m.id() + "/" + id).isPresent();
                        }
                    }
                    lastReported.put(m.id(), new TreeSet<>(last));
                }
                done.incrementAndGet();
            });
        }
        tasks.add(() -> {
            while (reporting.get() && !failed.get()) {
                registry.forgetObservedBefore(cutoff);
                reporting.set(done.get() < THREADS);
            }
        });
        together(tasks);

        assertThat(lastReported).hasSize(THREADS * perThread);
        java.util.Map<String, Set<String>> inRegistry = registry.hosts("pad").stream().map(t -> t.host().key())
                .collect(Collectors.groupingBy(HostKey::member, Collectors.mapping(HostKey::host,
                        Collectors.toCollection(TreeSet::new))));
        assertThat(inRegistry).isEqualTo(lastReported);
        lastReported.forEach((m, hosts) -> {
            for (String id : ids) {
                assertThat(registry.find(new HostKey(m, id)).isPresent()).as(m + "/" + id)
                        .isEqualTo(hosts.contains(id));
            }
        });
        // Every host of every member's last report can be chosen.
        Set<String> chosen = ConcurrentHashMap.newKeySet();
        for (int k = 0; k < 200_000 && chosen.size() < registry.hosts("pad").size(); k++) {
            chosen.add(((Pick.Sent) dispatcher.pick("pad")).host().key().toString());
        }
        assertThat(chosen).hasSize(registry.hosts("pad").size());
    }
}
