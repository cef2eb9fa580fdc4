package org.chatons.entraide.broker.web.picker;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.chatons.entraide.broker.rooms.RoomFinder;
import org.chatons.entraide.broker.rooms.RoomName;
import org.chatons.entraide.broker.web.Locality;

/**
 * "A room for your group" on the page of a service with named rooms: a plain form (GET to the page itself, no
 * script) whose name field shows the link to share and where it leads now. The name goes back to the person's own
 * page only; nothing keeps it. A country the person chose on the page ({@code ?near=}) goes into the link, so it
 * applies alike to everyone who follows it.
 */
@Singleton
class RoomForm {

    /** The query parameter of the form's name field. */
    static final String ROOM = "room";

    /**
     * What the form shows.
     *
     * @param name     the name asked for, when it is a safe one (else null: an unsafe one is not echoed)
     * @param bad      whether a name was asked for and cannot be used
     * @param link     the link to share, absolute, or null
     * @param member   the member the link leads to now, or null when none can take a room
     * @param room     the room's address there now, or null
     * @param near     the country the person chose on the page, which the link carries, or null
     */
    record View(String name, boolean bad, String link, String member, String room, String near) {
    }

    private final RoomFinder finder;
    private final HttpHostResolver hosts;

    RoomForm(RoomFinder finder, HttpHostResolver hosts) {
        this.finder = finder;
        this.hosts = hosts;
    }

    boolean offered(String service) {
        return finder.hasNamedRooms(service);
    }

    boolean documentsStay(String service) {
        return finder.documentsStay(service);
    }

    /** The form's answer to the page's request: nothing asked yet, a bad name, or the link and where it leads. */
    View of(String service, HttpRequest<?> request) {
        String chosen = Locality.chosen(request);
        // A country code (two capital letters) or nothing: safe in the link as it is.
        String near = chosen == null || Locality.ANY.equals(chosen) ? null : chosen;
        String asked = request.getParameters().get(ROOM);
        if (asked == null || asked.isEmpty()) {
            return new View(null, false, null, null, null, near);
        }
        Optional<RoomName> name = RoomName.of(asked).filter(r -> finder.takes(service, r));
        if (name.isEmpty()) {
            return new View(null, true, null, null, null, near);
        }
        String link = hosts.resolve(request) + "/go/" + service + "/" + name.get().value()
                + (near == null ? "" : "?" + Locality.NEAR + "=" + near);
        return finder.find(service, name.get(), near)
                .map(r -> new View(name.get().value(), false, link, r.host().host().member().name(),
                        r.shape().room(URI.create(r.host().host().report().url()), name.get().value())
                                .orElseThrow().toString(), near))
                .orElseGet(() -> new View(name.get().value(), false, link, null, null, near));
    }
}
