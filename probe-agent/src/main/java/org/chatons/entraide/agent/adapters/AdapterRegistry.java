package org.chatons.entraide.agent.adapters;

import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The adapters known to this agent, by software name. Found with {@link ServiceLoader}, so the registry never
 * changes when a software is added, in the manner of node_exporter's collectors. Each measures a software of
 * {@code probes/} ({@code org.chatons.entraide.probes.software.Softwares}), by its name there: the name the brokers
 * take in reports. The tests hold that (HttpAdapterTest) rather than each start: loading every definition would cost
 * the agent's resident memory for a check the build already made.
 */
public final class AdapterRegistry {

    private final Map<String, Adapter> adapters = new TreeMap<>();

    /** A registry of the given adapters; tests use it to add fakes. */
    public AdapterRegistry(Collection<? extends Adapter> list) {
        for (Adapter adapter : list) {
            if (adapters.putIfAbsent(adapter.software(), adapter) != null) {
                throw new IllegalStateException("two adapters for software " + adapter.software());
            }
        }
    }

    /** Every adapter on the class path. Each call builds fresh instances, so agents share no state. */
    public static AdapterRegistry discover() {
        return new AdapterRegistry(ServiceLoader.load(Adapter.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** Known software names, sorted. */
    public Set<String> names() {
        return adapters.keySet();
    }

    /** The adapter for a software, or null. */
    public Adapter get(String software) {
        return adapters.get(software);
    }
}
