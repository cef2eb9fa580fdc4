package org.chatons.entraide.broker.selection;

/**
 * Makes one policy by its name ({@code broker.policy}). Each policy registers its makers in
 * {@code META-INF/services/org.chatons.entraide.broker.selection.PolicyMaker}, so a new policy is one class and one
 * line there, and nothing switches on names ({@link Policies} finds them).
 */
public abstract class PolicyMaker {

    /** A policy from d and the brokers sharing the users (a policy that needs neither ignores them). */
    protected interface Make {
        Policy make(int choices, int brokers);
    }

    private final String name;
    private final Make make;

    protected PolicyMaker(String name, Make make) {
        this.name = name;
        this.make = make;
    }

    /** The name it is configured by. */
    public final String name() {
        return name;
    }

    /**
     * @param choices d, for the policies that compare d hosts
     * @param brokers how many brokers share the users, for the corrected policies
     */
    public final Policy make(int choices, int brokers) {
        return make.make(choices, brokers);
    }
}
