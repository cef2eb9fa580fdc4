package org.chatons.entraide.broker.drains;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import org.chatons.entraide.broker.config.SchedulingSwitch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinators' drains: the last decision about each host, kept across restarts in {@code broker.drains-file} and
 * shared with the other brokers of the deployment (see {@link PeerSync}), so that a drain made on one broker holds
 * on all of them and survives a restart, {@code SIGKILL} included. Reports rebuild everything else a broker knows
 * within one round, but a drain is a person's decision.
 *
 * <p>A decision is saved before it is applied: one that cannot be saved is refused and changes nothing. A host's
 * decision is kept while the host is known, and for {@code broker.forget-after} after the decision otherwise (and
 * never dropped before the broker has run that long, so a drained host that is down when the broker restarts is
 * still drained when it comes back).
 */
@Context
public final class Drains {

    private static final Logger LOG = LoggerFactory.getLogger(Drains.class);

    private final HostRegistry registry;
    private final Clock clock;
    private final ApplicationEventPublisher<DrainDecided> events;
    private final Path path;
    private final Duration forgetAfter;
    private final Duration maxClockAhead;
    private final Instant started;
    private Map<HostKey, DrainState> states;

    /** Restores the decisions the drains file lists, or stops the broker at start naming the line that is wrong. */
    public Drains(BrokerConfig config, HostRegistry registry, Clock clock, ApplicationEventPublisher<DrainDecided> events) {
        this.registry = registry;
        this.clock = clock;
        this.events = events;
        this.path = config.drainsFile() == null || config.drainsFile().isBlank() ? null : Path.of(config.drainsFile());
        this.forgetAfter = config.forgetAfter();
        this.maxClockAhead = config.maxClockAhead();
        this.started = clock.instant();
        this.states = new HashMap<>();
        if (path != null) {
            DrainsFile.read(path, started).forEach(s -> states.merge(s.key(), s, (a, b) -> b.supersedes(a) ? b : a));
            long drained = states.values().stream().filter(DrainState::drained).count();
            if (drained > 0) {
                LOG.info("Restored {} drained host(s) from {}", drained, path);
            }
        }
        apply();
    }

    /**
     * A coordinator drains or undrains a known host on this broker: saved, applied, then told to the other brokers.
     *
     * @return the decision, or empty for a host no report names (nothing changes)
     * @throws IOException when it cannot be saved (nothing changes)
     */
    public synchronized Optional<DrainState> decide(HostKey key, boolean drain) throws IOException {
        if (registry.find(key).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        DrainState previous = states.get(key);
        // Later than the decision it replaces even if that one came from a broker whose clock runs ahead: the
        // coordinator's latest word wins.
        Instant at = previous != null && !now.isAfter(previous.changedAt()) ? previous.changedAt().plusMillis(1) : now;
        DrainState decision = new DrainState(key, drain, at);
        change(List.of(decision));
        events.publishEvent(new DrainDecided(decision));
        return Optional.of(decision);
    }

    /**
     * Takes the decisions of another broker that supersede this one's (the exchange between brokers), saved and
     * applied; leaves the others.
     *
     * @return every decision this broker holds afterwards, for the other broker to take in turn
     * @throws IOException when they cannot be saved (nothing changes; the other broker tries again later)
     */
    public synchronized List<DrainState> merge(Collection<DrainState> incoming) throws IOException {
        Instant now = clock.instant();
        Map<HostKey, DrainState> newer = new HashMap<>();
        for (DrainState theirs : incoming) {
            DrainState ours = newer.getOrDefault(theirs.key(), states.get(theirs.key()));
            boolean wins = ours == null ? !forgettable(theirs, now) : theirs.supersedes(ours);
            // A decision from a clock far ahead would win over every later one: it waits until ours catches up.
            if (wins && !theirs.changedAt().isAfter(now.plus(maxClockAhead))) {
                newer.put(theirs.key(), theirs);
            }
        }
        if (!newer.isEmpty()) {
            change(newer.values());
            LOG.info("Took {} drain decision(s) from another broker: {}", newer.size(), describe(newer.values()));
        }
        return states();
    }

    /** Every decision held, drains and undrains. */
    public synchronized List<DrainState> states() {
        return List.copyOf(states.values());
    }

    /**
     * Drops the decisions about hosts no report names that are older than {@code broker.forget-after}, and
     * applies the others again (the registry forgets the drains of the hosts it forgets).
     */
    @Scheduled(fixedDelay = "1m", initialDelay = "1m", condition = SchedulingSwitch.ON)
    public synchronized void forgetOld() {
        Instant now = clock.instant();
        Map<HostKey, DrainState> kept = new HashMap<>(states);
        kept.values().removeIf(s -> forgettable(s, now));
        if (kept.size() < states.size()) {
            try {
                save(kept.values());
                LOG.info("Forgot {} drain decision(s) about hosts gone for more than {}", states.size() - kept.size(),
                        forgetAfter);
                states = kept;
            } catch (IOException e) {
                LOG.warn("Could not save the drains to {}: {}", path, e.getMessage());
            }
        }
        apply();
    }

    private boolean forgettable(DrainState state, Instant now) {
        Instant cutoff = now.minus(forgetAfter);
        return started.isBefore(cutoff) && state.changedAt().isBefore(cutoff) && registry.find(state.key()).isEmpty();
    }

    private void change(Collection<DrainState> decisions) throws IOException {
        Map<HostKey, DrainState> next = new HashMap<>(states);
        decisions.forEach(d -> next.put(d.key(), d));
        save(next.values());
        states = next;
        apply();
    }

    private void save(Collection<DrainState> all) throws IOException {
        if (path != null) {
            DrainsFile.write(path, all);
        }
    }

    private void apply() {
        registry.replaceDrains(states.values().stream().filter(DrainState::drained).map(DrainState::key)
                .collect(Collectors.toUnmodifiableSet()));
    }

    private static String describe(Collection<DrainState> decisions) {
        return decisions.stream().map(d -> d.key() + (d.drained() ? " drained" : " undrained")).sorted()
                .collect(Collectors.joining(", "));
    }
}
