package org.chatons.entraide.broker.counting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code budget} counted redirects per client network per window: one address (a script, a badly written
 * bot) can ask {@code /go} as often as it likes and still reserves no more than a handful of users. Beyond the
 * budget the person is still sent to a host, chosen as usual: the redirect is just not counted.
 *
 * <p>The cost: a class or an office of 30 people behind one address within a minute is counted as {@code budget}
 * users until the hosts' next reports show the others; the headroom under {@code broker.full-at} covers that gap.
 *
 * <p>Networks are known only by an opaque key ({@link NetworkKeys}); entries live in memory, at most
 * {@code maxNetworks} of them, each forgotten a window after its first redirect. When a flood from more networks
 * than that pushes entries out, those networks start a new budget: the reports' evidence
 * ({@link RedirectWeight}) is what handles floods from many networks.
 */
public final class NetworkBudget {

    private final int budget;
    private final Cache<Long, AtomicInteger> spent;

    /**
     * @param clock the time the windows are measured on (virtual time in the simulator)
     */
    public NetworkBudget(int budget, Duration window, long maxNetworks, Clock clock) {
        if (budget < 1 || window.compareTo(Duration.ZERO) <= 0 || maxNetworks < 1) {
            throw new IllegalArgumentException("budget >= 1, window > 0, maxNetworks >= 1 (expected)");
        }
        this.budget = budget;
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.spent = Caffeine.newBuilder().maximumSize(maxNetworks).expireAfterWrite(window).ticker(ticker)
                // Upkeep on the calling thread: no background thread, the same behaviour in virtual time.
                .executor(Runnable::run).build();
    }

    /** Whether one more redirect from that network counts; spends one of its budget if so. */
    public boolean admit(long network) {
        AtomicInteger used = spent.get(network, k -> new AtomicInteger());
        // Checked before counting, so a flood does not run the counter up.
        return used.get() < budget && used.incrementAndGet() <= budget;
    }

    /** How many networks are remembered now (for tests and metrics; never which). */
    public long networks() {
        spent.cleanUp();
        return spent.estimatedSize();
    }
}
