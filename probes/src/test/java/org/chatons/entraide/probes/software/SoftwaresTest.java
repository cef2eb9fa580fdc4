package org.chatons.entraide.probes.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoftwaresTest {

    final Softwares softwares = Softwares.load();

    @Test
    void everyChatonsInfosNameTheBrokerTookStandsForTheSameService() {
        // The broker's former table of software.name values, normalised, and the service each stood for.
        Map<String, String> before = Map.ofEntries(Map.entry("etherpad", "pad"), Map.entry("etherpadlite", "pad"),
                Map.entry("ethercalc", "calc"), Map.entry("jitsimeet", "visio"), Map.entry("jitsi", "visio"),
                Map.entry("bigbluebutton", "visio"), Map.entry("nextcloud", "drive"), Map.entry("peertube", "video"),
                Map.entry("mastodon", "microblog"), Map.entry("akkoma", "microblog"), Map.entry("pleroma", "microblog"),
                Map.entry("mobilizon", "events"), Map.entry("framadate", "poll"), Map.entry("lufi", "drop"),
                Map.entry("plik", "drop"), Map.entry("lstu", "shortener"), Map.entry("polr", "shortener"),
                Map.entry("rsshort", "shortener"), Map.entry("lutim", "images"), Map.entry("scrumblr", "board"),
                Map.entry("hedgedoc", "notes"), Map.entry("codimd", "notes"), Map.entry("privatebin", "paste"));
        before.forEach((name, service) -> assertThat(softwares.declaredAs(name))
                .as(name).hasValueSatisfying(s -> assertThat(s.services().get(0)).isEqualTo(service)));
        assertThat(softwares.declaredAs("Jitsi Meet").map(Software::name)).hasValue("jitsi");
        assertThat(softwares.declaredAs("jitsi-meet").map(Software::name)).hasValue("jitsi");
        assertThat(softwares.declaredAs("Étherpad Lite").map(Software::name)).hasValue("etherpad");
        assertThat(softwares.declaredAs("Framaforms")).isEmpty();
    }

    @Test
    void eachSoftwareHasItsNames() {
        assertThat(softwares.readable("jitsi")).isEqualTo("Jitsi Meet");
        assertThat(softwares.readable("etherpad")).isEqualTo("Etherpad");
        assertThat(softwares.readable("something-else")).isEqualTo("something-else");
        assertThat(softwares.names()).contains("etherpad", "hedgedoc", "http", "jitsi", "nodeinfo");
    }

    @Test
    void genericProbesOfferNoServiceOfTheirOwn() {
        assertThat(softwares.named("http").orElseThrow().services()).isEmpty();
        assertThat(softwares.named("nodeinfo").orElseThrow().services()).isEmpty();
    }

    @Test
    void jitsiMakesRoomsFromNamesAndPadsStayOnTheirHost() {
        NamedRooms rooms = softwares.named("jitsi").orElseThrow().urls().rooms().orElseThrow();
        assertThat(rooms.room(URI.create("https://visio.example.org"), "AssembleeGenerale"))
                .hasValue(URI.create("https://visio.example.org/AssembleeGenerale"));
        assertThat(rooms.room(URI.create("https://example.org/meet/"), "weekly-call"))
                .hasValue(URI.create("https://example.org/meet/weekly-call"));
        assertThat(rooms.room(URI.create("https://visio.example.org/"), "../admin")).isEmpty();
        assertThat(rooms.room(URI.create("https://visio.example.org/"), "a%2Fb")).isEmpty();
        assertThat(softwares.named("etherpad").orElseThrow().urls().documentsStay()).isTrue();
        assertThat(softwares.named("etherpad").orElseThrow().urls().rooms()).isEmpty();
        assertThat(softwares.named("nextcloud").orElseThrow().urls()).isEqualTo(UrlShapes.homeOnly());
    }

    @Test
    void twoDefinitionsOfOneNameAreRefusedNamingBoth() {
        Software one = new Software(Names.of("pad-one", "Pad", "Etherpad"), List.of("pad"), PublicProbe.plain(),
                UrlShapes.homeOnly()) { };
        Software two = new Software(Names.of("pad-two", "Etherpad"), List.of("pad"), PublicProbe.plain(),
                UrlShapes.homeOnly()) { };
        assertThatThrownBy(() -> new Softwares(List.of(one, two)))
                .hasMessageContaining("'etherpad'").hasMessageContaining("pad-one").hasMessageContaining("pad-two");
        assertThatThrownBy(() -> new Softwares(List.of(one, one))).hasMessageContaining("'pad-one'");
    }

    @Test
    void aBadDefinitionSaysWhatWasExpected() {
        assertThatThrownBy(() -> Names.of("Jitsi Meet", "Jitsi Meet")).hasMessageContaining("expected");
        assertThatThrownBy(() -> new NamedRooms("/{name}", ".*")).hasMessageContaining("expected");
        assertThatThrownBy(() -> new NamedRooms("room", ".*")).hasMessageContaining("{name}");
    }
}
