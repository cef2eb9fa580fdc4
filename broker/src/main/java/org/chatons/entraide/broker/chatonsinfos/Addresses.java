package org.chatons.entraide.broker.chatonsinfos;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.chatons.entraide.protocol.WireRules;

/**
 * Which addresses the broker follows or probes on a member's word: https anywhere, plain http only on the
 * loopback (tests, the demo, a member's local stand-in), files only when the federation itself is a file the
 * coordinators gave. Anything else is refused with the reason, before any request.
 */
public final class Addresses {

    private Addresses() {
    }

    /**
     * Why the address may not be used, or empty when it may. http(s) addresses follow the wire's rule for the URLs
     * users are sent to ({@link WireRules#hostUrlProblem}): a member's file is held to what its agent would be.
     */
    public static Optional<String> refusal(URI uri, boolean filesAllowed) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return filesAllowed ? Optional.empty()
                    : Optional.of("a file path is followed only from a federation file given as a path");
        }
        return Optional.ofNullable(WireRules.hostUrlProblem(uri.toString()));
    }
}
