package org.chatons.entraide.demo.standins;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.chatons.entraide.probes.software.Softwares;

/**
 * The stand-ins' APIs, by software name, found with {@link ServiceLoader}: each answers for a software of
 * {@code probes/}, so a stand-in for a new software is one class and one line, and nothing here changes.
 */
public final class Apis {

    private final Map<String, Api> kinds = new TreeMap<>();

    /** The APIs on the class path, each checked to imitate one of these softwares. */
    public Apis(Softwares softwares) {
        for (Api api : ServiceLoader.load(Api.class)) {
            if (softwares.named(api.software()).isEmpty()) {
                throw new IllegalStateException(api.getClass().getName() + " imitates '" + api.software()
                        + "' (expected a software of probes/: " + String.join(", ", softwares.names()) + ")");
            }
            if (kinds.putIfAbsent(api.software(), api) != null) {
                throw new IllegalStateException("two stand-ins for software " + api.software());
            }
        }
    }

    /** Every API on the class path, for the softwares of {@code probes/}. */
    public static Apis load() {
        return new Apis(Softwares.load());
    }

    /** The softwares that have a stand-in, sorted. */
    public Set<String> names() {
        return kinds.keySet();
    }

    /**
     * What every host of a software has in common: its name, whether it closes registrations, whether it drains.
     *
     * @param software the probe agent's name for it
     */
    public Api kind(String software) {
        Api api = kinds.get(software);
        if (api == null) {
            throw new IllegalArgumentException("no stand-in for software " + software + " (expected one of "
                    + String.join(", ", kinds.keySet()) + ")");
        }
        return api;
    }
}
