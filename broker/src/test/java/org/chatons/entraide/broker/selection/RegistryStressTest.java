package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.members.MemberDirectory;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.Source;
import org.chatons.entraide.broker.registry.TrackedHost;
import org.chatons.entraide.protocol.HostReport;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Reports, declared hosts, reloads of the members file, drains, the janitor and picks, all at once on many threads,
 * then the invariants: every user sent is counted once on the host it was sent to (none lost to a host object a
 * report replaced, none counted twice), no host is lost, and no host forgotten or removed comes back. Fixed amounts
 * of work, not a duration: a busy machine only makes it slower.
 */
class RegistryStressTest {

    static final Instant T0 = TestClock.START;
    /** The picks' instant: every report below was measured before it, less the join grace, so each keeps its sends. */
    static final Instant NOW = T0.plus(Duration.ofMinutes(10));
    static final int PICKERS = 3;
    static final int PICKS = 4_000;
    static final int ROUNDS = 400;

    final TestClock clock = new TestClock(NOW);
    final HostRegistry registry = new HostRegistry(Fixtures.counting());
    final EligibilityRules rules = new EligibilityRules(Duration.ofHours(1), 0.85, ZoneId.of("Europe/Paris"));
    final Map<HostKey, LongAdder> sentTo = new ConcurrentHashMap<>();
    final AtomicInteger noHost = new AtomicInteger();
    final Dispatcher dispatcher = new Dispatcher(registry, rules, new FederationStatus(registry, rules, clock),
            new PowerOfChoices(2, true), clock, new SplittableRandom(7), pick -> {
                if (pick instanceof Pick.Sent sent) {
                    sentTo.computeIfAbsent(sent.host().key(), k -> new LongAdder()).increment();
                } else {
                    noHost.incrementAndGet();
                }
            });

    final List<Member> agents = List.of(member("a0"), member("a1"), member("a2"));
    final List<Member> declared = List.of(member("d0"), member("d1"));
    final Member gone = member("gone");
    final Member silent = member("silent");

    static List<HostReport> hosts(Member member, int count) {
        return IntStream.range(0, count).mapToObj(i -> host(member.id(), "pad-" + i, "pad", 10, 1_000_000)).toList();
    }

    static MemberDirectory directory(List<Member> members, LocalDate confirmedUntil) {
        return new MemberDirectory(members.stream().map(m -> member(m.id(), confirmedUntil)).toList());
    }

    @RepeatedTest(3)
    void everyUserSentIsCountedOnceAndNoHostIsLostOrRevived() throws Exception {
        for (Member m : agents) {
            registry.accept(m, Fixtures.report(m.id(), T0, hosts(m, 3).toArray(HostReport[]::new)), NOW);
        }
        registry.accept(gone, Fixtures.report("gone", T0, hosts(gone, 2).toArray(HostReport[]::new)), NOW);
        Instant longAgo = T0.minus(Duration.ofHours(1));
        registry.accept(silent, Fixtures.report("silent", longAgo, hosts(silent, 2).toArray(HostReport[]::new)), NOW);
        List<Member> stay = new ArrayList<>(agents);
        stay.addAll(declared);
        List<Member> everyone = new ArrayList<>(stay);
        everyone.add(gone);
        everyone.add(silent);
        LocalDate usual = LocalDate.parse("2027-06-30");
        List<Set<HostKey>> drainSets = List.of(Set.of(new HostKey("a0", "pad-0"), new HostKey("d0", "pad-1")),
                Set.of(), Set.of(new HostKey("a1", "pad-2"), new HostKey("nobody", "pad-0")));
        AtomicInteger agentsDeclared = new AtomicInteger();

        CyclicBarrier start = new CyclicBarrier(PICKERS + 5);
        List<Callable<Void>> work = new ArrayList<>();
        for (int p = 0; p < PICKERS; p++) {
            work.add(() -> {
                start.await();
                for (int k = 0; k < PICKS; k++) {
                    dispatcher.pick("pad");
                }
                return null;
            });
        }
        work.add(() -> {
            start.await();
            for (int round = 1; round <= ROUNDS; round++) {
                for (Member m : agents) {
                    registry.accept(m, Fixtures.report(m.id(), T0.plusMillis(round),
                            hosts(m, 3).toArray(HostReport[]::new)), NOW);
                }
            }
            return null;
        });
        work.add(() -> {
            start.await();
            for (int round = 1; round <= ROUNDS; round++) {
                for (Member m : declared) {
                    assertThat(registry.acceptDeclared(m, hosts(m, 2), NOW, 300)).isTrue();
                }
                if (registry.acceptDeclared(agents.get(round % agents.size()), hosts(agents.get(0), 3), NOW, 300)) {
                    agentsDeclared.incrementAndGet();
                }
            }
            return null;
        });
        work.add(() -> {
            start.await();
            registry.applyMembers(directory(everyone, usual), directory(stay, usual.plusYears(1)));
            for (int round = 1; round <= ROUNDS; round++) {
                LocalDate from = round % 2 == 1 ? usual.plusYears(1) : usual;
                LocalDate to = round % 2 == 1 ? usual : usual.plusYears(1);
                registry.applyMembers(directory(stay, from), directory(stay, to));
            }
            return null;
        });
        work.add(() -> {
            start.await();
            for (int round = 0; round <= ROUNDS; round++) {
                registry.replaceDrains(drainSets.get(round % drainSets.size()));
            }
            return null;
        });
        work.add(() -> {
            start.await();
            for (int round = 0; round < ROUNDS; round++) {
                registry.forgetObservedBefore(T0.minus(Duration.ofMinutes(1)));
            }
            return null;
        });
        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        try {
            for (Future<Void> done : threads.invokeAll(work)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        // No host lost, none revived: the agents' and the declared members' hosts, not gone's nor silent's.
        Set<String> expected = stay.stream()
                .flatMap(m -> hosts(m, declared.contains(m) ? 2 : 3).stream().map(h -> m.id() + "/" + h.id()))
                .collect(Collectors.toSet());
        assertThat(registry.all().map(t -> t.host().key().toString()).collect(Collectors.toSet()))
                .isEqualTo(expected);
        assertThat(registry.find(new HostKey("gone", "pad-0"))).isEmpty();
        assertThat(registry.find(new HostKey("silent", "pad-0"))).isEmpty();
        // An agent's hosts stayed its agent's: declarations never took them over.
        assertThat(agentsDeclared).hasValue(0);
        assertThat(registry.all().filter(t -> t.host().member().id().startsWith("a")).map(t -> t.host().source()))
                .containsOnly(Source.AGENT);
        // Every user sent counted once, on the very host it was sent to.
        for (TrackedHost t : registry.all().toList()) {
            LongAdder sent = sentTo.get(t.host().key());
            assertThat(t.sentSinceReport()).as(t.host().key().toString()).isEqualTo(sent == null ? 0 : sent.intValue());
        }
        assertThat(noHost).hasValue(0);
        assertThat(sentTo.values().stream().mapToLong(LongAdder::sum).sum()).isEqualTo((long) PICKERS * PICKS);
        assertThat(registry.drained()).isEqualTo(drainSets.get(ROUNDS % drainSets.size()));
    }
}
