package org.chatons.entraide.probes.software;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.Samples;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;

/** The public probes of the known softwares, each through an asker that records what was asked. */
class PublicProbeTest {

    /** Answers from a table of URLs, 404 elsewhere; keeps what the probe asks it to keep. */
    static final class Recording implements PublicProbe.Asker {
        final Map<String, Answer> answers = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        final Map<URI, URI> kept = new HashMap<>();

        Recording on(String url, Answer answer) {
            answers.put(url, answer);
            return this;
        }

        @Override
        public Answer get(URI url, String accept) {
            asked.add(url.toString());
            return answers.getOrDefault(url.toString(), Samples.json(404, "Not Found"));
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Optional<URI> recalled(URI host) {
            return Optional.ofNullable(kept.get(host));
        }

        @Override
        public void remember(URI host, URI found) {
            kept.put(host, found);
        }

        @Override
        public void forget(URI host) {
            kept.remove(host);
        }
    }

    final Softwares softwares = Softwares.load();

    PublicProbe of(String software) {
        return softwares.named(software).orElseThrow().publicProbe();
    }

    @Test
    void etherpadAsksItsStatsUnderTheDeclaredAddress() throws IOException {
        Recording asker = new Recording().on("https://example.org/pad/stats", Samples.ok("etherpad-stats.json"));
        var m = of("etherpad").probe(URI.create("https://example.org/pad"), asker);
        assertThat(m.activeUsers()).isEqualTo(4);
        assertThat(asker.asked).containsExactly("https://example.org/pad/stats");
        assertThat(of("etherpad").countsUsersNow()).isTrue();
    }

    @Test
    void nodeinfoDiscoversOnceThenAsksTheDocumentAlone() throws IOException {
        Recording asker = new Recording()
                .on("https://video.example.org/.well-known/nodeinfo", Samples.ok("nodeinfo-discovery.json"))
                .on("https://video.example.org/nodeinfo/2.1.json", Samples.ok("nodeinfo-2.1.json"));
        URI home = URI.create("https://video.example.org/");
        of("peertube").probe(home, asker);
        var second = of("peertube").probe(home, asker);
        assertThat(second.activeUsers()).isEqualTo(23);
        assertThat(asker.asked).containsExactly("https://video.example.org/.well-known/nodeinfo",
                "https://video.example.org/nodeinfo/2.1.json", "https://video.example.org/nodeinfo/2.1.json");
        assertThat(of("peertube").countsUsersNow()).as("monthly users are not people connected now").isFalse();

        asker.answers.remove("https://video.example.org/nodeinfo/2.1.json");
        assertThat(of("peertube").probe(home, asker).status()).isNotEqualTo(HostStatus.UP);
        assertThat(asker.kept).as("a document gone is discovered again").isEmpty();
    }

    @Test
    void aPlainProbeAsksTheAddressAsDeclared() throws IOException {
        Recording asker = new Recording().on("https://poll.example.org/app?x=1", Samples.json(200, "<html>"));
        assertThat(of("framadate").probe(URI.create("https://poll.example.org/app?x=1"), asker).status())
                .isEqualTo(HostStatus.UP);
        assertThat(of("framadate").countsUsersNow()).isFalse();
    }
}
