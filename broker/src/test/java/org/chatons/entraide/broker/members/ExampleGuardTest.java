package org.chatons.entraide.broker.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.config.StartupError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker never runs on the example members file, whose token anyone knows, at start or on a reload. */
class ExampleGuardTest {

    /** The example as the repository ships it, and the Debian package installs it as /etc/entraide/members.yml. */
    static final Path EXAMPLE = Path.of("members.example.yml");

    @TempDir
    Path dir;

    static String startupError(Path membersFile) {
        Throwable thrown = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1, "broker.members-file", membersFile.toString())).close());
        assertThat(thrown).isNotNull();
        return StartupError.find(thrown).map(Throwable::getMessage).orElseThrow(() -> new AssertionError(thrown));
    }

    @Test
    void theExampleStopsTheBrokerInOneLine() {
        assertThat(startupError(EXAMPLE))
                .isEqualTo("members.example.yml is still the example: member framasoft's token-sha256 is the example's"
                        + " (the SHA-256 of \"test\", which anyone can send); declare the members and the SHA-256 of"
                        + " their own tokens, then start again")
                .doesNotContain("\n");
    }

    @Test
    void anExampleEditedButForTheTokenStillStopsIt() throws IOException {
        Path members = Files.writeString(dir.resolve("members.yml"), Files.readString(EXAMPLE)
                .replace("id: framasoft", "id: alpha").replace("name: Framasoft", "name: Alpha"));

        assertThat(startupError(members)).startsWith(members + " is still the example: member alpha's token-sha256");
    }

    @Test
    void theExampleIsRefusedOnAReloadAndThePreviousMembersStay() throws IOException {
        Path members = Files.writeString(dir.resolve("members.yml"), Files.readString(EXAMPLE)
                .replace(ExampleGuard.EXAMPLE_TOKEN_SHA256, org.chatons.entraide.broker.config.Sha256.hex("long-token")));
        Members inForce = new Members(MembersFile.load(members));
        MembersReloader reloader = new MembersReloader(Fixtures.config(members, null), inForce, changed -> { });

        Files.copy(EXAMPLE, members, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(reloader.reload()).isFalse();
        assertThat(reloader.lastReloadSuccessful()).isFalse();
        assertThat(inForce.current().byToken("long-token")).isPresent();
        assertThat(inForce.current().byToken("test")).isEmpty();
    }
}
