package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.net.URI;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.NodeinfoAnswers;
import org.chatons.entraide.probes.UnreadableAnswer;

/**
 * Any NodeInfo server (PeerTube, Mastodon, Mobilizon, Pleroma, ...): discovery at {@code /.well-known/nodeinfo},
 * then the document of the highest schema version: {@code openRegistrations} and {@code usage.users.activeMonth}.
 */
public final class NodeinfoAdapter extends NamedAdapter {

    public NodeinfoAdapter() {
        super("nodeinfo");
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        Answer discovery = http.get(target.base(), ".well-known/nodeinfo", Http.JSON);
        URI document;
        try {
            document = NodeinfoAnswers.documentUrl(discovery, target.base());
        } catch (UnreadableAnswer e) {
            return Measurement.down(e.getMessage());
        }
        return NodeinfoAnswers.document(http.get(document, Http.JSON));
    }
}
