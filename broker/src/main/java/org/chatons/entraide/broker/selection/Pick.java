package org.chatons.entraide.broker.selection;

import java.util.Map;
import org.chatons.entraide.broker.counting.Visit;
import org.chatons.entraide.broker.eligibility.Eligibility;
import org.chatons.entraide.broker.registry.Host;

/** The outcome of choosing a host for one new user. */
public sealed interface Pick {

    /**
     * The user goes to this host.
     *
     * @param visit          how the request counts: only a {@link Visit#COUNTED} one reserved a user there
     * @param weight         how much a counted redirect to the service counted (1 = a whole user)
     * @param awayFromChosen the person chose a country ({@link Nearby#chosen()}) and none of its hosts could take
     *                       them: they were sent elsewhere, which the answer says
     */
    record Sent(Host host, Visit visit, double weight, boolean awayFromChosen) implements Pick {

        /** Sent where the person asked, or where they asked for nothing. */
        public Sent(Host host, Visit visit, double weight) {
            this(host, visit, weight, false);
        }
    }

    /** No host may take a new user; how many hosts there are per reason, to tell the user why. */
    record NoHost(String service, Map<Eligibility, Integer> hostsByVerdict) implements Pick {
    }
}
