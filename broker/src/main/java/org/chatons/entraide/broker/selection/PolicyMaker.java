package org.chatons.entraide.broker.selection;

/**
 * Makes one policy by its name ({@code broker.policy}). Each policy registers its makers in
 * {@code META-INF/services/org.chatons.entraide.broker.selection.PolicyMaker}, so a new policy is one class and one
 * line there, and nothing switches on names ({@link Policies} finds them).
 */
public interface PolicyMaker {

    /** The name it is configured by. */
    String name();

    /**
     * @param choices d, for the policies that compare d hosts (the others ignore it)
     * @param brokers how many brokers share the users, for the corrected policies (the others ignore it)
     */
    Policy make(int choices, int brokers);
}
