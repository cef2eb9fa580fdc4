package org.chatons.entraide.demo.standins;

import java.time.Clock;
import java.util.Map;

/**
 * How one software answers its API, path by path, with the same paths, fields and content types as the real one.
 * One public implementation per software of {@code probes/}, with a public no-argument constructor, listed in
 * {@code META-INF/services/org.chatons.entraide.demo.standins.Api} and found by {@link Apis}.
 */
public interface Api {

    /** The software's name in {@code probes/}, as the probe agent's configuration names it. */
    String software();

    /**
     * The API of one host. Those that show the host's origin (NodeInfo's links), check its secret (Nextcloud's
     * NC-Token) or tell the time return their own; the others are the same for every host.
     */
    default Api at(String origin, String secret, Clock clock) {
        return this;
    }

    /** True for a software whose API wants the host's secret (Nextcloud's NC-Token), which its agent then needs. */
    default boolean needsSecret() {
        return false;
    }

    /** True for a software with registrations, which close near capacity and reopen later. */
    default boolean closesWhenFull() {
        return false;
    }

    /** True for a videobridge, which drains now and then. */
    default boolean drains() {
        return false;
    }

    /**
     * Answers a request, or returns null for a path the software does not serve (404).
     *
     * @param request what was asked
     * @param state   the host's state now
     */
    Reply answer(Request request, HostState state);

    /** A request as a stand-in received it. */
    record Request(String method, String path, Map<String, String> headers, String body) {
        /** A header's value, whatever its case, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    /** An answer. */
    record Reply(int status, String contentType, String body) {
        /** 200 with JSON. */
        public static Reply json(String body) {
            return new Reply(200, "application/json; charset=utf-8", body);
        }
    }
}
