package org.chatons.entraide.bench.sim;

import java.util.List;
import org.chatons.entraide.broker.selection.Policies;
import org.chatons.entraide.broker.selection.Policy;

/**
 * A way of choosing hosts, compared on the same workload: one of the broker's own policies, run through its real
 * registry, eligibility rules and dispatcher, or the perfect-information water-filling reference.
 *
 * @param label   as the tables and plots show it
 * @param policy  the broker's policy name ({@link Policies#NAMES}), or null for water-filling
 * @param choices d, for the d-choices policies
 */
public record Contender(String label, String policy, int choices) {

    /** d in the broker's default configuration (broker/src/main/resources/application.yml, broker.choices). */
    public static final int DEFAULT_CHOICES = 2;

    public static final Contender WATER_FILLING = new Contender("water-filling (perfect information)", null, 0);

    /** The broker's default: the policy Entraide runs unless configured otherwise. */
    public static Contender brokerDefault(int choices) {
        return new Contender("default: d-choices, d = " + choices + ", corrected", "d-choices", choices);
    }

    /** The alternatives of issue 6, side by side, the broker's default last before the reference. */
    public static List<Contender> standard(int defaultChoices) {
        return List.of(
                new Contender("uniform random", "random", 0),
                new Contender("least loaded, uncorrected", "least-loaded-uncorrected", 0),
                new Contender("2 choices, uncorrected", "d-choices-uncorrected", 2),
                new Contender("least loaded, corrected", "least-loaded", 0),
                brokerDefault(defaultChoices),
                WATER_FILLING);
    }

    public boolean waterFilling() {
        return policy == null;
    }

    public boolean isDefault() {
        return "d-choices".equals(policy);
    }

    /** The broker's policy object, by the same factory {@code broker.policy} goes through. */
    public Policy brokerPolicy() {
        return Policies.byName(policy, Math.max(choices, 1));
    }
}
