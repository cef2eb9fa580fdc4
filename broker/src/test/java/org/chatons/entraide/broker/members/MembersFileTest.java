package org.chatons.entraide.broker.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import org.chatons.entraide.broker.config.Sha256;
import org.chatons.entraide.broker.config.StartupError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MembersFileTest {

    static final String HASH = Sha256.hex("s3cret");
    static final String VALID = """
            members:
              - id: framasoft
                name: Framasoft
                token-sha256: %s
                domains: [framapad.org, framasoft.org]
                confirmed-until: 2027-06-30
                country: FR
                languages: [fr, en]
            """.formatted(HASH);

    static MemberDirectory parse(String yaml) {
        return MembersFile.parse("members.yml", new StringReader(yaml));
    }

    @Test
    void readsAMemberAndFindsItByToken() {
        MemberDirectory members = parse(VALID);

        Member framasoft = members.byToken("s3cret").orElseThrow();
        assertThat(framasoft.id()).isEqualTo("framasoft");
        assertThat(framasoft.confirmedUntil()).isEqualTo(LocalDate.parse("2027-06-30"));
        assertThat(members.byToken("wrong")).isEmpty();
        assertThat(members.byToken(null)).isEmpty();
    }

    @Test
    void aDomainCoversItselfAndItsSubdomainsOnly() {
        Member framasoft = parse(VALID).byId("framasoft").orElseThrow();

        assertThat(framasoft.owns(URI.create("https://framapad.org/"))).isTrue();
        assertThat(framasoft.owns(URI.create("https://pad1.framapad.org/p/x"))).isTrue();
        assertThat(framasoft.owns(URI.create("https://evilframapad.org/"))).isFalse();
        assertThat(framasoft.owns(URI.create("https://framapad.org.evil.net/"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "id: framasoft|id: Frama Soft|line 2: members[0].id: 'Frama Soft' (expected: [a-z0-9-]{1,64})",
        "name: Framasoft|nom: Framasoft|line 3: members[0]: unknown key 'nom'",
        "confirmed-until: 2027-06-30|confirmed-until: 30/06/2027|line 6: members[0] (framasoft).confirmed-until: '30/06/2027' (expected: YYYY-MM-DD)",
        "country: FR|country: France|line 7: members[0] (framasoft).country: 'France'",
        "domains: [framapad.org, framasoft.org]|domains: [https://framapad.org]|line 5: members[0] (framasoft).domains: 'https://framapad.org'",
        "languages: [fr, en]|languages: []|line 8: members[0] (framasoft).languages: expected a non-empty list",
    })
    void aBadValueIsNamedWithItsLineEntryAndKey(String from, String to, String expected) {
        assertThatThrownBy(() -> parse(VALID.replace(from, to)))
                .isInstanceOf(StartupError.class).hasMessageStartingWith("members.yml " + expected);
    }

    @Test
    void roomsTurnAHostsGroupLinksOffOrShapeThemAndAHostileShapeStopsTheFileAtItsLine() {
        Member framasoft = parse(VALID + "    rooms: {visio: \"off\", visio-2: \"meet/{name}\"}\n")
                .byId("framasoft").orElseThrow();
        assertThat(framasoft.rooms()).containsEntry("visio", "off").containsEntry("visio-2", "meet/{name}");
        assertThat(parse(VALID).byId("framasoft").orElseThrow().rooms()).isEmpty();

        assertThatThrownBy(() -> parse(VALID + "    rooms:\n      visio: \"https://evil.example/{name}\"\n"))
                .isInstanceOf(StartupError.class)
                .hasMessageStartingWith("members.yml line 10: members[0] (framasoft).rooms.visio: ")
                .hasMessageContaining("must stay on the host");
        assertThatThrownBy(() -> parse(VALID + "    rooms: {Visio: \"off\"}\n"))
                .hasMessageContaining("members[0] (framasoft).rooms.Visio: 'Visio' is not a host id");
        assertThatThrownBy(() -> parse(VALID + "    rooms: [visio]\n"))
                .hasMessageStartingWith("members.yml line 9: ");
    }

    @Test
    void aTokenInsteadOfItsHashIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> parse(VALID.replace(HASH, "my-plain-token")))
                .hasMessageContaining("line 4: members[0] (framasoft).token-sha256: expected 64 hexadecimal")
                .hasMessageNotContaining("my-plain-token");
    }

    @Test
    void aMissingKeyIsNamed() {
        assertThatThrownBy(() -> parse(VALID.replace("    country: FR\n", "")))
                .hasMessage("members.yml line 2: members[0] (framasoft).country: missing");
    }

    @Test
    void twoMembersWithTheSameIdOrTokenAreRefused() {
        String twice = VALID + VALID.substring(VALID.indexOf("  - id"));
        assertThatThrownBy(() -> parse(twice)).hasMessageContaining("line 9: members[1].id: 'framasoft' is used twice");
        String sameToken = twice.replaceFirst("id: framasoft(?![\\s\\S]*id: framasoft)", "id: other");
        assertThatThrownBy(() -> parse(sameToken)).hasMessageContaining("members[1].token-sha256");
    }

    @Test
    void brokenYamlAndAMissingFileSayWhere() {
        assertThatThrownBy(() -> parse("members:\n  - id: [unclosed\n")).hasMessageStartingWith("members.yml line 3: not valid YAML");
        assertThatThrownBy(() -> parse("members: []\n")).hasMessageContaining("members: expected a list of at least one member");
        assertThatThrownBy(() -> MembersFile.load(Path.of("/nonexistent/members.yml")))
                .hasMessageContaining("/nonexistent/members.yml does not exist");
    }
}
