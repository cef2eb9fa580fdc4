package org.chatons.entraide.demo.standins;

import java.util.Map;

/**
 * How one software answers its API, path by path, with the same paths, fields and content types as the real one
 * (../shared/reference/service-apis.md). One implementation per software; {@link Apis#forSoftware} lists them.
 */
public interface Api {

    /** The software's name, as the probe agent's configuration names it. */
    String software();

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
