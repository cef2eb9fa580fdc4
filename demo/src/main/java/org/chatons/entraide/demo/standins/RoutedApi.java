package org.chatons.entraide.demo.standins;

import java.util.Map;
import java.util.Set;

/**
 * An API told as data: the software's name, what sets its hosts apart, and how each of its paths is answered
 * (any other path is not served: 404). A software's stand-in is then its answers, and nothing else.
 */
abstract class RoutedApi implements Api {

    /** What sets a software's hosts apart in the demo. */
    enum Trait {
        /** Its API wants the host's secret (Nextcloud's NC-Token), which its agent then needs. */
        NEEDS_SECRET,
        /** It has registrations, which close near capacity and reopen later. */
        CLOSES_WHEN_FULL,
        /** A videobridge, which drains now and then. */
        DRAINS
    }

    /** How one path is answered. */
    @FunctionalInterface
    interface Route {
        Reply answer(Request request, HostState state);
    }

    private final String software;
    private final Set<Trait> traits;
    private final Map<String, Route> routes;

    RoutedApi(String software, Set<Trait> traits, Map<String, Route> routes) {
        this.software = software;
        this.traits = Set.copyOf(traits);
        this.routes = Map.copyOf(routes);
    }

    @Override
    public final String software() {
        return software;
    }

    @Override
    public final boolean needsSecret() {
        return traits.contains(Trait.NEEDS_SECRET);
    }

    @Override
    public final boolean closesWhenFull() {
        return traits.contains(Trait.CLOSES_WHEN_FULL);
    }

    @Override
    public final boolean drains() {
        return traits.contains(Trait.DRAINS);
    }

    @Override
    public final Reply answer(Request request, HostState state) {
        Route route = routes.get(request.path());
        return route == null ? null : route.answer(request, state);
    }
}
