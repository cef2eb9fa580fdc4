package org.chatons.entraide.probes;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any NodeInfo server (PeerTube, Mastodon, Mobilizon, Pleroma, Akkoma...): discovery at
 * {@code /.well-known/nodeinfo} names the documents; the highest schema version gives {@code openRegistrations}
 * and {@code usage.users.activeMonth}.
 */
public final class NodeinfoAnswers {

    /** Where discovery is, relative to the server's root. */
    public static final String DISCOVERY = ".well-known/nodeinfo";
    private static final Pattern SCHEMA = Pattern.compile("https?://nodeinfo\\.diaspora\\.software/ns/schema/(\\d+)\\.(\\d+)");

    private NodeinfoAnswers() {
    }

    /**
     * The URL of the highest-version document. Discovery names public addresses; the document is fetched on the
     * base URL's origin instead, so a probe that measures through another address stays on it, and a hostile
     * discovery answer cannot send the prober elsewhere.
     */
    public static URI documentUrl(Answer discovery, URI base) throws UnreadableAnswer {
        JsonNode node = Json.parseOk(discovery, "/.well-known/nodeinfo");
        String best = null;
        int bestVersion = -1;
        for (JsonNode link : node.path("links")) {
            Matcher m = SCHEMA.matcher(link.path("rel").asText(""));
            String href = link.path("href").asText("");
            if (m.matches() && !href.isEmpty()) {
                int version = Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2));
                if (version > bestVersion) {
                    bestVersion = version;
                    best = href;
                }
            }
        }
        if (best == null) {
            throw new UnreadableAnswer("/.well-known/nodeinfo names no NodeInfo schema");
        }
        try {
            URI href = base.resolve(best);
            String query = href.getRawQuery() == null ? "" : "?" + href.getRawQuery();
            return URI.create(base.getScheme() + "://" + base.getRawAuthority() + href.getRawPath() + query);
        } catch (IllegalArgumentException e) {
            throw new UnreadableAnswer("/.well-known/nodeinfo: bad href \"" + best + "\"");
        }
    }

    /** Reads the NodeInfo document. */
    public static Measurement document(Answer answer) {
        return Json.read(answer, "NodeInfo document", Measurement::degraded, NodeinfoAnswers::document);
    }

    private static Measurement document(JsonNode node) {
        String name = Json.text(node, "software", "name");
        String version = Json.text(node, "software", "version");
        Measurement result = Measurement.up((name == null ? "NodeInfo server" : name)
                + (version == null ? "" : " " + version) + " answers NodeInfo " + node.path("version").asText("?"));
        Boolean open = Json.bool(node, "openRegistrations");
        result = open == null ? result.noting("no openRegistrations")
                : result.withAccepting(open).noting(open ? "registrations open" : "registrations closed");
        Integer monthly = Json.count(node, "usage", "users", "activeMonth");
        return monthly == null ? result.noting("no usage.users.activeMonth")
                : result.withUsers(monthly).noting(monthly + " active this month");
    }
}
