package org.chatons.entraide.probes.software;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.Measurement;

/**
 * What a software shows without a password, and how the broker's public probe reads it: one request per probe,
 * made by the broker through an {@link Asker}, so that this stays free of I/O.
 */
public interface PublicProbe {

    /**
     * Looks at a host once.
     *
     * @param url   the host's address, as its member declares it
     * @param asker makes the requests
     * @throws IOException when the host cannot be reached
     */
    Measurement probe(URI url, Asker asker) throws IOException;

    /** Whether its user count is of people connected now, so that it makes a load against a capacity. */
    boolean countsUsersNow();

    /** The broker's side of a probe: its requests, bounded in time and size, and what it keeps between probes. */
    interface Asker {

        /** A GET, redirects not followed. */
        Answer get(URI url, String accept) throws IOException;

        /** How long a request may take. */
        Duration timeout();

        /** An address a probe of this host found earlier and asked to keep (NodeInfo's document), if still kept. */
        Optional<URI> recalled(URI host);

        /** Keeps an address for the next probes of this host, for a while. */
        void remember(URI host, URI found);

        /** Forgets what was kept for this host: it moved. */
        void forget(URI host);
    }

    /** A GET of the host's address: it answers (2xx, 3xx), or not; no user count. */
    static PublicProbe plain() {
        return PublicProbes.PLAIN;
    }

    /**
     * A GET of one JSON document under the host's address.
     *
     * @param path           relative to the address ({@code stats})
     * @param reading        its parser
     * @param countsUsersNow whether its user count is of people connected now
     */
    static PublicProbe json(String path, Function<Answer, Measurement> reading, boolean countsUsersNow) {
        return new PublicProbes.JsonDocument(path, reading, countsUsersNow);
    }

    /** NodeInfo: discovery, kept an hour by the asker, then the document; a steady probe is one request. */
    static PublicProbe nodeinfo() {
        return PublicProbes.NODEINFO;
    }
}
