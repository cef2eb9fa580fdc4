package org.chatons.entraide.broker.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.Locale;
import org.chatons.entraide.broker.counting.NetworkBudget;
import org.chatons.entraide.broker.counting.NetworkKeys;
import org.chatons.entraide.broker.counting.Visit;

/**
 * Tells, for a request of {@code /go} or {@code /pick}, whether it may count as a user sent: a {@code HEAD} or a
 * browser's prefetch is no visit, and a network that spent its budget is sent without being counted. Reads the
 * method, the prefetch headers and the client's address, and keeps none of them.
 */
@Singleton
public final class Visits {

    private final ClientAddresses addresses;
    private final NetworkKeys keys;
    private final NetworkBudget budget;

    public Visits(ClientAddresses addresses, NetworkKeys keys, NetworkBudget budget) {
        this.addresses = addresses;
        this.keys = keys;
        this.budget = budget;
    }

    public Visit of(HttpRequest<?> request) {
        // A HEAD reaches the controllers as a GET that says it was a HEAD (EveryAnswer): its answer then has the
        // headers of a GET's.
        if (EveryAnswer.wasHead(request)) {
            return Visit.HEAD;
        }
        if (isPrefetch(request)) {
            return Visit.PREFETCH;
        }
        InetAddress client = addresses.of(request);
        return client == null || budget.admit(keys.of(client)) ? Visit.COUNTED : Visit.OVER_BUDGET;
    }

    /**
     * {@code Sec-Purpose: prefetch} (the standard, speculation rules), {@code Purpose: prefetch} (Chromium's
     * {@code <link rel=prefetch>}), {@code X-Moz: prefetch} (older Firefox), {@code X-Purpose: preview} (Safari).
     */
    static boolean isPrefetch(HttpRequest<?> request) {
        return contains(request.getHeaders().get("Sec-Purpose"), "prefetch")
                || contains(request.getHeaders().get("Purpose"), "prefetch")
                || contains(request.getHeaders().get("X-Moz"), "prefetch")
                || contains(request.getHeaders().get("X-Purpose"), "preview");
    }

    private static boolean contains(String header, String token) {
        return header != null && header.toLowerCase(Locale.ROOT).contains(token);
    }
}
