package org.chatons.entraide.broker.selection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The policies by the names {@code broker.policy} accepts, as their {@link PolicyMaker}s register them. */
public final class Policies {

    private static final Map<String, PolicyMaker> MAKERS = registered();

    /** The names, the default first (the first registered). */
    public static final List<String> NAMES = List.copyOf(MAKERS.keySet());

    private Policies() {
    }

    /**
     * @param name    one of {@link #NAMES}
     * @param choices d, for the d-choices policies
     * @param brokers how many brokers share the users, for the corrected policies (the others ignore it)
     * @throws IllegalArgumentException naming the known policies, for any other name
     */
    public static Policy byName(String name, int choices, int brokers) {
        PolicyMaker maker = MAKERS.get(name);
        if (maker == null) {
            throw new IllegalArgumentException("unknown policy '" + name + "' (expected one of " + NAMES + ")");
        }
        return maker.make(choices, brokers);
    }

    private static Map<String, PolicyMaker> registered() {
        Map<String, PolicyMaker> makers = new LinkedHashMap<>();
        for (PolicyMaker maker : ServiceLoader.load(PolicyMaker.class, Policies.class.getClassLoader())) {
            if (makers.putIfAbsent(maker.name(), maker) != null) {
                throw new IllegalStateException("two policies named '" + maker.name() + "'");
            }
        }
        return Collections.unmodifiableMap(makers);
    }
}
