package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.NodeinfoAnswers;
import org.chatons.entraide.probes.UnreadableAnswer;

/**
 * Any NodeInfo server (PeerTube, Mastodon, Mobilizon, Pleroma, ...): discovery at {@code /.well-known/nodeinfo},
 * then the document of the highest schema version: {@code openRegistrations} and {@code usage.users.activeMonth}.
 */
public final class NodeinfoAdapter implements Adapter {

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
            document = NodeinfoAnswers.documentUrl(discovery, target.base());
        } catch (UnreadableAnswer e) {
            return Measurement.down(e.getMessage());
        }
        return NodeinfoAnswers.document(http.get(document, JSON));
    }
}
