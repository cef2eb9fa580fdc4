package org.chatons.entraide.broker.selection;

import java.util.List;

/** The policies by the names {@code broker.policy} accepts. */
public final class Policies {

    /** The names, the default first. */
    public static final List<String> NAMES = List.of("d-choices", "d-choices-uncorrected", "least-loaded",
            "least-loaded-uncorrected", "random");

    private Policies() {
    }

    /**
     * @param name    one of {@link #NAMES}
     * @param choices d, for the d-choices policies
     * @param brokers how many brokers share the users, for the corrected policies (the others ignore it)
     * @throws IllegalArgumentException naming the known policies, for any other name
     */
    public static Policy byName(String name, int choices, int brokers) {
        return switch (name) {
            case "d-choices" -> new PowerOfChoices(choices, true, brokers);
            case "d-choices-uncorrected" -> new PowerOfChoices(choices, false);
            case "least-loaded" -> new LeastLoaded(true, brokers);
            case "least-loaded-uncorrected" -> new LeastLoaded(false);
            case "random" -> new UniformRandom();
            default -> throw new IllegalArgumentException(
                    "unknown policy '" + name + "' (expected one of " + NAMES + ")");
        };
    }
}
