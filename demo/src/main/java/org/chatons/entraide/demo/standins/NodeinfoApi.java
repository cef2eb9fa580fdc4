package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A NodeInfo server (here a Pleroma): discovery at {@code /.well-known/nodeinfo} and the 2.0 and 2.1 documents. */
public final class NodeinfoApi extends RoutedApi {

    private static final String SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/";

    /** The kind, before a host gives it its origin. */
    public NodeinfoApi() {
        this("http://localhost");
    }

    /** @param origin the stand-in's own origin, which discovery names in its links */
    NodeinfoApi(String origin) {
        super("nodeinfo", Set.of(Trait.CLOSES_WHEN_FULL), Map.of(
                "/.well-known/nodeinfo", (request, state) -> Reply.json(Json.write(object("links", List.of(
                        object("rel", SCHEMA + "2.0", "href", origin + "/nodeinfo/2.0.json"),
                        object("rel", SCHEMA + "2.1", "href", origin + "/nodeinfo/2.1.json"))))),
                "/nodeinfo/2.0.json", (request, state) -> document("2.0", state),
                "/nodeinfo/2.1.json", (request, state) -> document("2.1", state)));
    }

    @Override
    public Api at(String origin, String secret, Clock clock) {
        return new NodeinfoApi(origin);
    }

    private static Reply document(String version, HostState state) {
        return new Reply(200, "application/json; profile=\"" + SCHEMA + version + "#\"",
                Json.write(object("version", version,
                        "software", object("name", "pleroma", "version", "2.7.0"),
                        "protocols", List.of("activitypub"),
                        "services", object("inbound", List.of(), "outbound", List.of()),
                        "openRegistrations", state.registrationsOpen(),
                        "usage", object("users", object("total", state.capacity() * 2,
                                "activeHalfyear", state.users() * 2, "activeMonth", state.users()),
                                "localPosts", 5000 + state.stored()),
                        "metadata", object())));
    }
}
