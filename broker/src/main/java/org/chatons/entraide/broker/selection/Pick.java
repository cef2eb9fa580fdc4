package org.chatons.entraide.broker.selection;

import java.util.Map;
import org.chatons.entraide.broker.eligibility.Eligibility;
import org.chatons.entraide.broker.registry.Host;

/** The outcome of choosing a host for one new user. */
public sealed interface Pick {

    /** The user goes to this host. */
    record Sent(Host host) implements Pick {
    }

    /** No host may take a new user; how many hosts there are per reason, to tell the user why. */
    record NoHost(String service, Map<Eligibility, Integer> hostsByVerdict) implements Pick {
    }
}
