package org.chatons.entraide.agent.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chatons.entraide.protocol.HostStatus;

/**
 * Any NodeInfo server (PeerTube, Mastodon, Mobilizon, Pleroma, ...): discovery at {@code /.well-known/nodeinfo},
 * then the document of the highest schema version: {@code openRegistrations} and {@code usage.users.activeMonth}.
 */
public final class NodeinfoAdapter implements Adapter {

    private static final Pattern SCHEMA = Pattern.compile("https?://nodeinfo\\.diaspora\\.software/ns/schema/(\\d+)\\.(\\d+)");
    private static final Map<String, String> JSON = Map.of("Accept", "application/json");

    @Override
    public String software() {
        return "nodeinfo";
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        Answer discovery = http.get(target.base(), ".well-known/nodeinfo", JSON);
        URI document;
        try {
            document = documentUrl(discovery, target.base());
        } catch (UnreadableAnswer e) {
            return Measurement.down(e.getMessage());
        }
        return document(http.get(document, JSON));
    }

    /**
     * The URL of the highest-version document. Discovery names public addresses; the document is fetched on the
     * probe URL's origin instead, so an agent that measures through {@code probe-url} stays on it.
     */
    static URI documentUrl(Answer discovery, URI base) throws UnreadableAnswer {
        if (!discovery.ok()) {
            throw new UnreadableAnswer("/.well-known/nodeinfo answers " + discovery.status());
        }
        JsonNode node = Json.parse(discovery, "/.well-known/nodeinfo");
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
    static Measurement document(Answer answer) {
        if (!answer.ok()) {
            return Measurement.degraded("NodeInfo document answers " + answer.status());
        }
        JsonNode node;
        try {
            node = Json.parse(answer, "NodeInfo document");
        } catch (UnreadableAnswer e) {
            return Measurement.degraded(e.getMessage());
        }
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
