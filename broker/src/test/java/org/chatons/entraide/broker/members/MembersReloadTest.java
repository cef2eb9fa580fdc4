package org.chatons.entraide.broker.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.config.Sha256;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A changed members file comes into force in a running broker, over its HTTP interface. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembersReloadTest extends BrokerTestBase implements TestPropertyProvider {

    static final String ORIGINAL = read(Path.of("src/test/resources/test-members.yml"));
    final Path file = temp();

    @Inject
    MembersReloader reloader;

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path temp() {
        try {
            Path dir = Files.createTempDirectory("members-reload");
            dir.toFile().deleteOnExit();
            return dir.resolve("members.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        write(ORIGINAL);
        return Map.of("broker.members-file", file.toString());
    }

    void write(String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as the coordinators edit it, taken as the broker's own check would: seen twice, unchanged. */
    void edit(String text) {
        write(text);
        reloader.checkForChange();
        reloader.checkForChange();
    }

    @BeforeEach
    void originalMembers() {
        edit(ORIGINAL);
        assertThat(reloader.lastReloadSuccessful()).isTrue();
    }

    int postAs(String token, String member, int activeUsers) {
        clock.advance(Duration.ofMillis(1));
        return post("/api/v1/reports", token, "application/json", toJson(Fixtures.report(member, now(),
                host(member, "pad-1", "pad", activeUsers, 100)))).statusCode();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> padHosts() {
        return (List<Map<String, Object>>) parse(get("/api/v1/services/pad/hosts")).get("hosts");
    }

    static String withNewMember(String members, String id, String token) {
        return members + """
                  - id: %s
                    name: Nouveau membre
                    token-sha256: %s
                    domains: [%s.example.org]
                    confirmed-until: 2027-06-30
                    country: FR
                    languages: [fr]
                """.formatted(id, Sha256.hex(token), id);
    }

    @Test
    void aNewMemberARenewedConfirmationAndARotatedTokenTakeEffectWithoutARestart() {
        assertThat(postAs("token-gamma", "gamma", 10)).isEqualTo(202);
        assertThat(padHosts()).singleElement().satisfies(h -> assertThat(h).containsEntry("reason", "UNCONFIRMED"));
        assertThat(postAs("token-zeta", "zeta", 10)).isEqualTo(401);

        edit(withNewMember(ORIGINAL.replace("confirmed-until: 2026-01-31", "confirmed-until: 2027-12-31")
                .replace(Sha256.hex("token-alpha"), Sha256.hex("token-alpha-2")), "zeta", "token-zeta"));

        // gamma's host is eligible at once, without waiting for its agent's next report.
        assertThat(padHosts()).singleElement().satisfies(h -> assertThat(h).containsEntry("eligible", true));
        assertThat(get("/go/pad").headers().firstValue("Location")).hasValue("https://pad-1.gamma.example.org/");
        assertThat(postAs("token-zeta", "zeta", 10)).isEqualTo(202);
        assertThat(postAs("token-alpha", "alpha", 10)).isEqualTo(401);
        assertThat(postAs("token-alpha-2", "alpha", 10)).isEqualTo(202);
        assertThat(get("/prometheus").body()).contains("entraide_members 6.0");
    }

    @Test
    void aRemovedMembersHostsLeaveTheChoiceAndItsTokenIsRefused() {
        assertThat(postAs("token-alpha", "alpha", 10)).isEqualTo(202);
        assertThat(postAs("token-beta", "beta", 10)).isEqualTo(202);
        assertThat(get("/prometheus").body()).contains("entraide_reports_total{member=\"beta\"");

        String beta = ORIGINAL.substring(ORIGINAL.indexOf("  - id: beta"), ORIGINAL.indexOf("  - id: gamma"));
        edit(ORIGINAL.replace(beta, ""));

        assertThat(padHosts()).extracting(h -> h.get("member")).containsExactly("alpha");
        for (int k = 0; k < 20; k++) {
            assertThat(get("/go/pad").headers().firstValue("Location")).hasValue("https://pad-1.alpha.example.org/");
        }
        assertThat(postAs("token-beta", "beta", 10)).isEqualTo(401);
        assertThat(get("/prometheus").body()).doesNotContain("member=\"beta\"");
    }

    @Test
    void aFileWithAMistakeKeepsThePreviousMembersAndRaisesTheMetric() {
        edit(withNewMember(ORIGINAL, "zeta", "token-zeta").replace("country: BE", "country: Belgique"));

        assertThat(reloader.lastReloadSuccessful()).isFalse();
        assertThat(get("/prometheus").body()).contains("entraide_members_file_last_reload_successful 0.0")
                .contains("entraide_members 5.0");
        assertThat(postAs("token-zeta", "zeta", 10)).isEqualTo(401);
        assertThat(postAs("token-beta", "beta", 10)).isEqualTo(202);

        edit(withNewMember(ORIGINAL, "zeta", "token-zeta"));
        assertThat(get("/prometheus").body()).contains("entraide_members_file_last_reload_successful 1.0");
        assertThat(postAs("token-zeta", "zeta", 10)).isEqualTo(202);
    }

    @Test
    void theBrokerNoticesTheChangeByItselfWithinSeconds() throws InterruptedException {
        write(withNewMember(ORIGINAL, "zeta", "token-zeta"));

        // The broker looks every second: wait for it, on a condition, without calling it.
        Awaitility.await("the broker takes the new member's report").atMost(Duration.ofSeconds(20))
                .until(() -> postAs("token-zeta", "zeta", 10) == 202);
        assertThat(postAs("token-zeta", "zeta", 11)).isEqualTo(202);
    }
}
