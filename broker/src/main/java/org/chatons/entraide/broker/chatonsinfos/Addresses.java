package org.chatons.entraide.broker.chatonsinfos;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses the broker follows or probes on a member's word: https anywhere, plain http only on the
 * loopback (tests, the demo, a member's local stand-in), files only when the federation itself is a file the
 * coordinators gave. Anything else is refused with the reason, before any request.
 */
public final class Addresses {

    private Addresses() {
    }

    /** Why the address may not be used, or empty when it may. */
    public static Optional<String> refusal(URI uri, boolean filesAllowed) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return filesAllowed ? Optional.empty()
                    : Optional.of("a file path is followed only from a federation file given as a path");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("not an absolute http(s) URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("URLs with a user name or password are not followed");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            return isLoopback(uri.getHost()) ? Optional.empty()
                    : Optional.of("plain http (expected: https, except on the loopback)");
        }
        return Optional.of("scheme '" + scheme + "' (expected: https)");
    }

    /** localhost, 127.0.0.0/8 or ::1, by name: no DNS lookup. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** Whether the address's host is the domain or under it, compared without case. */
    public static boolean under(URI uri, String domain) {
        if (uri.getHost() == null || domain == null || domain.isEmpty()) {
            return false;
        }
        String h = uri.getHost().toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        return h.equals(d) || h.endsWith("." + d);
    }
}
