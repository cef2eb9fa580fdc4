package org.chatons.entraide.broker.registry;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import org.chatons.entraide.broker.members.MembersChanged;

/** Applies a reloaded members file to the hosts the registry holds (see {@link HostRegistry#applyMembers}). */
@Singleton
final class RegistryFollowsMembers implements ApplicationEventListener<MembersChanged> {

    private final HostRegistry registry;

    RegistryFollowsMembers(HostRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(MembersChanged event) {
        registry.applyMembers(event.before(), event.after());
    }
}
