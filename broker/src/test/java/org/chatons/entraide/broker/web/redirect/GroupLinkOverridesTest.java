package org.chatons.entraide.broker.web.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.Test;

/**
 * A member's word on its hosts' named rooms, over HTTP: in its report ({@code rooms}) and in the members file
 * ({@code rooms:} of epsilon in {@code test-members.yml}: visio-8 off, visio-9 under {@code salle/}). Off takes the
 * host out of the rooms' choice only; a shape is a template on the host's own address, and a hostile one is refused.
 */
@MicronautTest
class GroupLinkOverridesTest extends BrokerTestBase {

    private static final List<String> NAMES = IntStream.range(0, 40).mapToObj(k -> "Cercle-" + k).toList();

    static HostReport jitsi(String member, String id, String rooms) {
        return new HostReport(id, "visio", "jitsi", "https://" + id + "." + member + ".example.org/", HostStatus.UP,
                true, 0, 100, null, null, null, rooms);
    }

    @Test
    void aHostWhoseReportSaysOffTakesNoRoomsButStillTakesGo() {
        report("alpha", jitsi("alpha", "visio-1", "off"));
        report("beta", jitsi("beta", "visio-2", null));

        assertThat(hostsOf(NAMES)).containsExactly("visio-2.beta.example.org");
        Set<String> go = new HashSet<>();
        for (int k = 0; k < 40; k++) {
            go.add(URI.create(get("/go/visio").headers().firstValue("Location").orElseThrow()).getHost());
        }
        assertThat(go).contains("visio-1.alpha.example.org");
    }

    @Test
    void aShapeInTheReportMakesTheRoomsAddressOnTheHost() {
        report("alpha", jitsi("alpha", "visio-1", "meet/{name}?lang=fr"));

        assertThat(get("/go/visio/Cercle-1").headers().firstValue("Location"))
                .hasValue("https://visio-1.alpha.example.org/meet/Cercle-1?lang=fr");
        assertThat(parse(get("/api/v1/services/visio/rooms/Cercle-1")))
                .containsEntry("room", "https://visio-1.alpha.example.org/meet/Cercle-1?lang=fr");
    }

    @Test
    void aHostileShapeRefusesTheReportNamingTheFieldAndChangesNothing() {
        report("alpha", jitsi("alpha", "visio-1", null));
        for (String hostile : List.of("https://evil.example/{name}", "//evil.example/{name}", "/{name}",
                "../{name}", "a/../{name}", "%2F%2Fevil.example/{name}", "{name}@evil.example", "{name}#x",
                "\\\\evil.example/{name}", "javascript:{name}", "meet", "{name}/{name}", "{name}\r\nLocation: x")) {
            HttpResponse<String> refused = report("alpha", jitsi("alpha", "visio-1", hostile));

            assertThat(refused.statusCode()).as(hostile).isEqualTo(400);
            assertThat(refused.body()).as(hostile).contains("hosts[0].rooms");
            assertThat(get("/go/visio/Cercle-2").headers().firstValue("Location")).as(hostile)
                    .hasValue("https://visio-1.alpha.example.org/Cercle-2");
        }
    }

    @Test
    void theMembersFileTurnsAHostsRoomsOffOrGivesTheirShape() {
        report("epsilon", jitsi("epsilon", "visio-8", null), jitsi("epsilon", "visio-9", null));

        assertThat(hostsOf(NAMES)).containsExactly("visio-9.epsilon.example.org");
        assertThat(get("/go/visio/Cercle-3").headers().firstValue("Location"))
                .hasValue("https://visio-9.epsilon.example.org/salle/Cercle-3");
    }

    @Test
    void theReportsShapeComesBeforeTheMembersFilesAndOffFromEitherWins() {
        report("epsilon", jitsi("epsilon", "visio-8", "r/{name}"), jitsi("epsilon", "visio-9", "r/{name}"));

        assertThat(hostsOf(NAMES)).containsExactly("visio-9.epsilon.example.org");
        assertThat(get("/go/visio/Cercle-4").headers().firstValue("Location"))
                .hasValue("https://visio-9.epsilon.example.org/r/Cercle-4");

        report("epsilon", jitsi("epsilon", "visio-8", null), jitsi("epsilon", "visio-9", "off"));
        assertThat(get("/go/visio/Cercle-4").statusCode()).isEqualTo(503);
    }

    private Set<String> hostsOf(List<String> names) {
        Set<String> hosts = new HashSet<>();
        for (String name : names) {
            HttpResponse<String> go = get("/go/visio/" + name);
            assertThat(go.statusCode()).as(name).isEqualTo(302);
            hosts.add(URI.create(go.headers().firstValue("Location").orElseThrow()).getHost());
        }
        return hosts;
    }
}
