package org.chatons.entraide.bench.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chatons.entraide.broker.counting.CountingRules;
import org.chatons.entraide.broker.counting.NetworkBudget;
import org.chatons.entraide.broker.selection.Policies;
import org.chatons.entraide.broker.selection.Policy;

/**
 * A way of choosing hosts, compared on the same workload: one of the broker's own policies, run through its real
 * registry, eligibility rules and dispatcher, or the perfect-information water-filling reference.
 *
 * @param label         as the tables and plots show it
 * @param policy        the broker's policy name ({@link Policies#NAMES}), or null for water-filling
 * @param choices       d, for the d-choices policies
 * @param toldBrokers   configured as a deployment of that many brokers would be: {@code broker.brokers} set to the
 *                      scenario's number of brokers (false: left at its default, 1)
 * @param defended      with the broker's defences of the count (a budget per client network, redirects weighed by
 *                      what the reports confirm); false: every redirect counts as a user, as before them
 * @param carryOver     users sent shortly before a host was measured are carried over to the next estimate (the
 *                      join grace); false: a report ends the count of every redirect before it, as a plain
 *                      corrected two-choices broker does; and every redirect since the report counts in full
 *                      (the broker counts each as likely still there by the learned stay)
 */
public record Contender(String label, String policy, int choices, boolean toldBrokers, boolean defended,
                        boolean carryOver) {

    /** d in the broker's default configuration ({@link BrokerDefaults}: broker.choices). */
    public static final int DEFAULT_CHOICES = BrokerDefaults.integer("choices");

    public static final Contender WATER_FILLING = new Contender("water-filling (perfect information)", null, 0, false,
            true);

    public Contender(String label, String policy, int choices, boolean toldBrokers, boolean defended) {
        this(label, policy, choices, toldBrokers, defended, true);
    }

    /**
     * Plain two choices with the sent-since-report correction, the reference of BENCHMARKS.md §6: every redirect
     * counts as a user until the host's next report, which ends it; no carry-over, no defence.
     */
    public static Contender plainTwoChoices() {
        return new Contender("plain corrected two-choices", "d-choices", 2, true, false, false);
    }

    /** One of the broker's policies, configured with {@code broker.brokers} = the scenario's number of brokers. */
    public Contender(String label, String policy, int choices) {
        this(label, policy, choices, true, true);
    }

    public Contender(String label, String policy, int choices, boolean toldBrokers) {
        this(label, policy, choices, toldBrokers, true);
    }

    /** The default without the defences of the count: every redirect is a user until the next report. */
    public static Contender undefended(int choices) {
        return new Contender("default, every redirect counted (no defences)", "d-choices", choices, true, false);
    }

    /** The broker's counting rules as its configuration gives them (or none of the defences). */
    public CountingRules counting(int brokers) {
        return new CountingRules(carryOver ? Scenario.JOIN_GRACE : Duration.ZERO, Scenario.MIN_STAY, defended ? Scenario.WEIGHT_FLOOR : 1,
                Scenario.MIN_EVIDENCE, toldBrokers ? brokers : 1, defended ? Scenario.SURGE : Double.MAX_VALUE,
                carryOver);
    }

    /** The web layer's budget per client network (or none). */
    public NetworkBudget budget(Clock clock) {
        return new NetworkBudget(defended ? Scenario.PER_NETWORK : Integer.MAX_VALUE, Scenario.PER_NETWORK_WINDOW,
                Scenario.MAX_NETWORKS, clock);
    }

    /**
     * The broker's default: the policy Entraide runs unless configured otherwise, with {@code broker.brokers} set
     * to the number of brokers, as a deployment of several brokers configures it.
     */
    public static Contender brokerDefault(int choices) {
        return new Contender("default: d-choices, d = " + choices + ", corrected", "d-choices", choices);
    }

    /**
     * The alternatives of BENCHMARKS.md §1, side by side, then the broker's default, then (with several brokers) the
     * default with {@code broker.brokers} left at 1, and the reference.
     */
    public static List<Contender> standard(int defaultChoices, int brokers) {
        List<Contender> all = new ArrayList<>(List.of(
                new Contender("uniform random", "random", 0),
                new Contender("least loaded, uncorrected", "least-loaded-uncorrected", 0),
                new Contender("2 choices, uncorrected", "d-choices-uncorrected", 2),
                new Contender("least loaded, corrected", "least-loaded", 0),
                brokerDefault(defaultChoices)));
        if (brokers > 1) {
            all.add(new Contender("d-choices, d = " + defaultChoices + ", broker.brokers left at 1", "d-choices",
                    defaultChoices, false));
        }
        all.add(WATER_FILLING);
        return all;
    }

    public boolean waterFilling() {
        return policy == null;
    }

    /** Whether this is the broker's default policy as configured for the scenario (with this d). */
    public boolean isDefault() {
        return equals(brokerDefault(choices));
    }

    /** The broker's policy object, by the same factory {@code broker.policy} goes through. */
    public Policy brokerPolicy(int brokers) {
        return Policies.byName(policy, Math.max(choices, 1), toldBrokers ? brokers : 1);
    }
}
