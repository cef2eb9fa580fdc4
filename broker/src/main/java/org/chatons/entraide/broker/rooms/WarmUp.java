package org.chatons.entraide.broker.rooms;

import java.time.Duration;
import org.chatons.entraide.broker.registry.Host;

/**
 * When a host that joins or comes back starts taking rooms: once its report says it has been up and taking new
 * users ({@code upSince}) for a warm-up of {@code intervals} of its own reporting intervals, within min and max. A
 * host that comes and goes (a restart loop, a flaky network) then takes no rooms, rather than pull meetings to it and
 * split them each time it goes. Read from the report alone, against the instant the report was measured (never a
 * broker's clock), so every broker holding the same report says the same; a report without {@code upSince} (an older
 * agent, a host declared in ChatonsInfos) is warm, as hosts were before the field.
 *
 * <p>Not the service's learned stay: each broker learns that from its own redirects, so two brokers would end the
 * warm-up at different moments and send one group to two hosts meanwhile.
 */
public record WarmUp(int intervals, Duration min, Duration max) {

    /** No warm-up: every host takes rooms from its first report that lets it. */
    public static final WarmUp NONE = new WarmUp(0, Duration.ZERO, Duration.ZERO);

    /** The warm-up of a host that reports every {@code intervalSeconds}. */
    public Duration of(int intervalSeconds) {
        Duration d = Duration.ofSeconds((long) intervals * intervalSeconds);
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    /** Whether the host's last report shows it up for the warm-up (or does not say since when). */
    public boolean warm(Host host) {
        return host.report().upSince() == null
                || !host.report().upSince().plus(of(host.intervalSeconds())).isAfter(host.observedAt());
    }
}
