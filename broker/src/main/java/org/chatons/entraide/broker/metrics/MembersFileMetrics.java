package org.chatons.entraide.broker.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import org.chatons.entraide.broker.members.Members;
import org.chatons.entraide.broker.members.MembersReloader;

/**
 * Whether the members file on disk is the one in force: a coordinator's edit with a mistake is refused and the
 * previous members stay in force, which the alert EntraideMembersFileRefused makes known.
 */
@Context
public final class MembersFileMetrics {

    public MembersFileMetrics(MeterRegistry registry, MembersReloader reloader, Members members) {
        Gauge.builder("entraide.members.file.last.reload.successful", reloader, r -> r.lastReloadSuccessful() ? 1 : 0)
                .description("1 when the members file as it is on disk is in force; 0 when its last change was "
                        + "refused for a mistake (logged with its line and key) and the previous members stay in force")
                .register(registry);
        Gauge.builder("entraide.members", members, m -> m.current().all().size())
                .description("Members in force, from the members file").register(registry);
    }
}
