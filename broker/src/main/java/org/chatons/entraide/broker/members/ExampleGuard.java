package org.chatons.entraide.broker.members;

import java.nio.file.Path;
import org.chatons.entraide.broker.config.Sha256;
import org.chatons.entraide.broker.config.StartupError;

/**
 * Refuses to start on the members file shipped as an example ({@code broker/members.example.yml}, installed by the
 * Debian package as {@code /etc/entraide/members.yml}): its token is the SHA-256 of {@code test}, which anyone can
 * present. A broker enabled at install and started at the next boot would otherwise take reports on it.
 */
public final class ExampleGuard {

    /** The example's token, in the clear, and its SHA-256 as the example file holds it. */
    static final String EXAMPLE_TOKEN = "test";
    static final String EXAMPLE_TOKEN_SHA256 = Sha256.hex(EXAMPLE_TOKEN);

    private ExampleGuard() {
    }

    /** Throws a one-line {@link StartupError} when a member's token is the example's. */
    public static void refuseExample(Path file, MemberDirectory members) {
        members.all().stream()
                .filter(m -> EXAMPLE_TOKEN_SHA256.equalsIgnoreCase(m.tokenSha256()))
                .findFirst()
                .ifPresent(m -> {
                    throw new StartupError(file + " is still the example: member " + m.id()
                            + "'s token-sha256 is the example's (the SHA-256 of \"" + EXAMPLE_TOKEN
                            + "\", which anyone can send); declare the members and the SHA-256 of their own"
                            + " tokens, then start again");
                });
    }
}
