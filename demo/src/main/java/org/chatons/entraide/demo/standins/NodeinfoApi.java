package org.chatons.entraide.demo.standins;

import static org.chatons.entraide.demo.standins.Json.object;

import java.time.Clock;
import java.util.List;

/** A NodeInfo server (here a Pleroma): discovery at {@code /.well-known/nodeinfo} and the 2.0 and 2.1 documents. */
public final class NodeinfoApi implements Api {

    private final String origin;

    /** The kind, before a host gives it its origin. */
    public NodeinfoApi() {
        this("http://localhost");
    }

    /** @param origin the stand-in's own origin, which discovery names in its links */
    NodeinfoApi(String origin) {
        this.origin = origin;
    }

    @Override
    public Api at(String origin, String secret, Clock clock) {
        return new NodeinfoApi(origin);
    }

    @Override
    public boolean closesWhenFull() {
        return true;
    }

    @Override
    public String software() {
        return "nodeinfo";
    }

    @Override
    public Reply answer(Request request, HostState state) {
        return switch (request.path()) {
            case "/.well-known/nodeinfo" -> Reply.json(Json.write(object("links", List.of(
                    object("rel", "http://nodeinfo.diaspora.software/ns/schema/2.0", "href", origin + "/nodeinfo/2.0.json"),
                    object("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1", "href", origin + "/nodeinfo/2.1.json")))));
            case "/nodeinfo/2.0.json", "/nodeinfo/2.1.json" -> {
                String version = request.path().contains("2.1") ? "2.1" : "2.0";
                yield new Reply(200, "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/" + version + "#\"",
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
            default -> null;
        };
    }
}
