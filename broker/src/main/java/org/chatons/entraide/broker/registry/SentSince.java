package org.chatons.entraide.broker.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chatons.entraide.broker.counting.CountingRules;
import org.chatons.entraide.broker.counting.RedirectWeight;
import org.chatons.entraide.broker.counting.Sends;

/**
 * The users sent since a host's last report, across reports: a new report takes in those sent before the host was
 * measured, less a grace for those who had not joined yet, who stay counted ({@link Sends#split}); what the report
 * says of them teaches the service's {@link RedirectWeight}. The rules themselves are {@code counting}'s.
 */
final class SentSince {

    /** Evidence from one host's new report, for its service's weight, learned once outside the member's lock. */
    record Learned(RedirectWeight<HostKey> weight, HostKey key, CountingRules.Evidence evidence) {
    }

    private final Map<String, RedirectWeight<HostKey>> weights = new ConcurrentHashMap<>();
    private final CountingRules counting;

    SentSince(CountingRules counting) {
        this.counting = counting;
    }

    /**
     * The host as its new report says, with the users sent that the report does not count yet.
     *
     * @param before  the host before the report, or null for a host first seen
     * @param learned where the report's evidence goes, to {@link #learn} outside the member's lock
     */
    TrackedHost carry(TrackedHost before, Host fresh, List<Learned> learned) {
        RedirectWeight<HostKey> weight = weight(fresh.service());
        if (before == null) {
            return new TrackedHost(fresh, new Sends(), weight);
        }
        Instant observedAt = fresh.observedAt();
        // The grace is the host's own pace: a share of its interval (see CountingRules.joinGrace). This broker's
        // users the report counts are at most its users, in redirects.
        double atMost = fresh.activeUsers() == null ? 0 : fresh.activeUsers() / weight.value();
        Sends.Split split = before.sends().split(observedAt.minus(counting.joinGrace(fresh.intervalSeconds())),
                before.staySeconds(), atMost, observedAt, CountingRules.fastestStaySeconds(weight.stay()));
        Host old = before.host();
        if (old.activeUsers() != null && fresh.activeUsers() != null && observedAt.isAfter(old.observedAt())) {
            Duration between = Duration.between(old.observedAt(), observedAt);
            learned.add(new Learned(weight, fresh.key(), counting.evidence(split.counted(),
                    split.countedStillThere(), old.activeUsers(), fresh.activeUsers(), between, weight.stay())));
        }
        return new TrackedHost(fresh, split.next(), weight);
    }

    static void learn(List<Learned> learned, Instant receivedAt) {
        learned.forEach(l -> l.weight().learn(l.key(), l.evidence(), receivedAt));
    }

    /** A host gone: its service's weight no longer waits for its reports. */
    void forget(String service, HostKey key) {
        weight(service).forget(key);
    }

    /** How much a redirect to the service counts now: 1 unless its reports show redirects not becoming users. */
    double redirectWeight(String service) {
        RedirectWeight<HostKey> weight = weights.get(service);
        return weight == null ? 1 : weight.value();
    }

    RedirectWeight<HostKey> weight(String service) {
        RedirectWeight<HostKey> weight = weights.get(service);
        return weight != null ? weight : weights.computeIfAbsent(service, s -> new RedirectWeight<>(counting));
    }
}
