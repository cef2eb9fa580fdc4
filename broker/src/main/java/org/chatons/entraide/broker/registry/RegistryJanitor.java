package org.chatons.entraide.broker.registry;

import io.micronaut.scheduling.annotation.Scheduled;
import org.chatons.entraide.broker.config.SchedulingSwitch;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets hosts that stopped reporting long ago. Until then they stay listed as STALE, so coordinators see
 * which hosts went silent; after {@code broker.forget-after} they are taken to be gone for good (their drains are
 * forgotten later, by {@code drains.Drains}).
 */
@Singleton
public class RegistryJanitor {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryJanitor.class);

    private final HostRegistry registry;
    private final Clock clock;
    private final Duration forgetAfter;

    public RegistryJanitor(HostRegistry registry, Clock clock, BrokerConfig config) {
        this.registry = registry;
        this.clock = clock;
        this.forgetAfter = config.forgetAfter();
    }

    @Scheduled(fixedDelay = "1m", initialDelay = "1m", condition = SchedulingSwitch.ON)
    public void forgetSilentHosts() {
        Instant now = clock.instant();
        int forgotten = registry.forgetObservedBefore(now.minus(forgetAfter));
        if (forgotten > 0) {
            LOG.info("Forgot {} host(s) silent for more than {}", forgotten, forgetAfter);
        }
    }
}
