package org.chatons.entraide.probes.software;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.NodeinfoAnswers;
import org.chatons.entraide.probes.PlainAnswers;
import org.chatons.entraide.probes.UnreadableAnswer;

/** The three shapes of public probe the known softwares use. */
final class PublicProbes {

    static final String JSON = "application/json";

    private PublicProbes() {
    }

    static final PublicProbe PLAIN = new PublicProbe() {
        @Override
        public Measurement probe(URI url, Asker asker) throws IOException {
            return PlainAnswers.answer(asker.get(url, "text/html, */*;q=0.5"), asker.timeout());
        }

        @Override
        public boolean countsUsersNow() {
            return false;
        }

        @Override
        public String toString() {
            return "GET of its address";
        }
    };

    record JsonDocument(String path, Function<Answer, Measurement> reading, boolean countsUsersNow)
            implements PublicProbe {
        @Override
        public Measurement probe(URI url, Asker asker) throws IOException {
            return reading.apply(asker.get(Homes.base(url).resolve(path), JSON));
        }

        @Override
        public String toString() {
            return "GET " + path;
        }
    }

    static final PublicProbe NODEINFO = new PublicProbe() {
        @Override
        public Measurement probe(URI url, Asker asker) throws IOException {
            URI base = Homes.base(url);
            Optional<URI> kept = asker.recalled(base);
            URI document;
            if (kept.isPresent()) {
                document = kept.get();
            } else {
                try {
                    document = NodeinfoAnswers.documentUrl(asker.get(base.resolve(NodeinfoAnswers.DISCOVERY), JSON), base);
                } catch (UnreadableAnswer e) {
                    return Measurement.down(e.getMessage());
                }
                asker.remember(base, document);
            }
            Answer answer = asker.get(document, JSON);
            if (!answer.ok()) {
                asker.forget(base); // moved: discover again next time
            }
            return NodeinfoAnswers.document(answer);
        }

        @Override
        public boolean countsUsersNow() {
            return false;
        }

        @Override
        public String toString() {
            return "NodeInfo";
        }
    };
}
