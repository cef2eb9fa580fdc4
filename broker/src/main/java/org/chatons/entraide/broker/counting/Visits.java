package org.chatons.entraide.broker.counting;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.chatons.entraide.broker.http.EveryAnswer;

/**
 * Tells, for a request of {@code /go} or {@code /pick}, whether it may count as a user sent: a {@code HEAD} or a
 * browser's prefetch is no visit, nor on {@code /go} a page's own request or a robot that names itself; a network that
 * spent its budget is sent without being counted. Reads the method, the prefetch, Fetch Metadata and User-Agent
 * headers and the client's address, and keeps none of them.
 */
@Singleton
public final class Visits {

    private static final String SEC_FETCH_MODE = "Sec-Fetch-Mode";
    private static final String SEC_FETCH_DEST = "Sec-Fetch-Dest";

    private final ClientAddresses addresses;
    private final NetworkKeys keys;
    private final NetworkBudget budget;

    public Visits(ClientAddresses addresses, NetworkKeys keys, NetworkBudget budget) {
        this.addresses = addresses;
        this.keys = keys;
        this.budget = budget;
    }

    /**
     * For {@code /go}, which only a person's navigation should count: a page's own request (an image, a fetch, a
     * frame) is no visit, nor a robot that names itself ({@link Robots}). Any other request without Fetch Metadata
     * (an older browser, a robot that passes for one) is taken as {@link #of} takes it.
     */
    public Visit ofNavigation(HttpRequest<?> request) {
        return classify(EveryAnswer.wasHead(request), request.getHeaders(), request.getRemoteAddress(), true);
    }

    /**
     * The same, for a request read below Micronaut's router: whether it came as a {@code HEAD}, its headers and the
     * address of the connection it came on.
     */
    public Visit ofNavigation(boolean head, HttpHeaders headers, InetSocketAddress peer) {
        return classify(head, headers, peer, true);
    }

    /**
     * For {@code /pick}, which a partner's server (whatever its HTTP library calls itself) or a page's script asks
     * for a person.
     */
    public Visit of(HttpRequest<?> request) {
        return classify(EveryAnswer.wasHead(request), request.getHeaders(), request.getRemoteAddress(), false);
    }

    private Visit classify(boolean head, HttpHeaders headers, InetSocketAddress peer, boolean navigationOnly) {
        // A HEAD reaches the controllers as a GET that says it was a HEAD (EveryAnswer): its answer then has the
        // headers of a GET's.
        if (head) {
            return Visit.HEAD;
        }
        if (isPrefetch(headers)) {
            return Visit.PREFETCH;
        }
        if (navigationOnly) {
            String mode = headers.get(SEC_FETCH_MODE);
            if (isEmbedded(mode, headers.get(SEC_FETCH_DEST))) {
                return Visit.EMBEDDED;
            }
            // A browser's navigation says so (every current browser sends Fetch Metadata): its User-Agent is not
            // looked at.
            if (mode == null && Robots.isRobot(headers.get(HttpHeaders.USER_AGENT))) {
                return Visit.ROBOT;
            }
        }
        InetAddress client = addresses.of(peer, headers);
        return client == null || budget.admit(keys.of(client)) ? Visit.COUNTED : Visit.OVER_BUDGET;
    }

    /**
     * {@code Sec-Purpose: prefetch} (the standard, speculation rules), {@code Purpose: prefetch} (Chromium's
     * {@code <link rel=prefetch>}), {@code X-Moz: prefetch} (older Firefox), {@code X-Purpose: preview} (Safari).
     */
    static boolean isPrefetch(HttpHeaders headers) {
        return contains(headers.get("Sec-Purpose"), "prefetch")
                || contains(headers.get("Purpose"), "prefetch")
                || contains(headers.get("X-Moz"), "prefetch")
                || contains(headers.get("X-Purpose"), "preview");
    }

    /**
     * Fetch Metadata (sent by every current browser, set by the browser alone): a mode other than
     * {@code navigate}, or a destination other than a top-level {@code document}.
     */
    static boolean isEmbedded(String mode, String dest) {
        return mode != null && !mode.equalsIgnoreCase("navigate") || dest != null && !dest.equalsIgnoreCase("document");
    }

    private static boolean contains(String header, String token) {
        return header != null && header.toLowerCase(Locale.ROOT).contains(token);
    }
}
