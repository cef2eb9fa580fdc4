package org.chatons.entraide.broker.members;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.config.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The members file is reloaded when it changes, once it has settled; a file with a mistake changes nothing. */
class MembersReloaderTest {

    @TempDir
    Path dir;
    Path file;
    Members members;
    final List<MembersChanged> published = new ArrayList<>();
    MembersReloader reloader;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    static String member(String id, String token, String confirmedUntil) {
        return """
                  - id: %s
                    name: Member %s
                    token-sha256: %s
                    domains: [%s.example.org]
                    confirmed-until: %s
                    country: FR
                    languages: [fr]
                """.formatted(id, id, Sha256.hex(token), id, confirmedUntil);
    }

    static String file(String... entries) {
        return "members:\n" + String.join("", entries);
    }

    @BeforeEach
    void start() throws IOException {
        file = Files.writeString(dir.resolve("members.yml"), file(member("alpha", "a-1", "2027-06-30")));
        members = new Members(MembersFile.load(file));
        reloader = new MembersReloader(Fixtures.config(file, null), members, published::add);
        logs.start();
        log().addAppender(logs);
        log().setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void stopListening() {
        log().detachAppender(logs);
        log().setLevel(null);
    }

    static Logger log() {
        return (Logger) LoggerFactory.getLogger(MembersReloader.class);
    }

    void write(String text) throws IOException {
        Files.writeString(file, text);
    }

    List<String> errors() {
        return logs.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aChangedFileIsTakenOnceItReadsTheSameTwiceInARow() throws IOException {
        reloader.checkForChange();
        assertThat(published).isEmpty();

        write(file(member("alpha", "a-1", "2027-06-30"), member("beta", "b-1", "2027-06-30")));
        reloader.checkForChange();
        assertThat(members.current().byId("beta")).as("seen once: maybe half written").isEmpty();
        reloader.checkForChange();

        assertThat(members.current().byId("beta")).isPresent();
        assertThat(members.current().byToken("b-1")).isPresent();
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.after()).isSameAs(members.current());
            assertThat(e.before().byId("beta")).isEmpty();
        });
        reloader.checkForChange();
        assertThat(published).hasSize(1);
        assertThat(reloader.lastReloadSuccessful()).isTrue();
    }

    @Test
    void aFileCaughtHalfWrittenIsNeverTaken() throws IOException {
        String whole = file(member("alpha", "a-1", "2027-06-30"), member("beta", "b-1", "2027-06-30"),
                member("gamma", "g-1", "2027-06-30"));
        // The editor has written alpha and beta when the broker looks: a valid file, with gamma missing.
        write(whole.substring(0, whole.indexOf("  - id: gamma")));
        reloader.checkForChange();
        write(whole);
        reloader.checkForChange();
        assertThat(published).isEmpty();
        reloader.checkForChange();

        assertThat(published).singleElement()
                .satisfies(e -> assertThat(e.after().all()).extracting(Member::id).containsExactly("alpha", "beta", "gamma"));
    }

    @Test
    void aRenewedConfirmationAndARotatedTokenTakeEffect() throws IOException {
        write(file(member("alpha", "a-2", "2028-06-30")));
        assertThat(reloader.reload()).isTrue();

        assertThat(members.current().byToken("a-1")).isEmpty();
        assertThat(members.current().byToken("a-2")).hasValueSatisfying(m ->
                assertThat(m.confirmedUntil()).hasToString("2028-06-30"));
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).endsWith("changed [alpha]"));
    }

    @Test
    void aFileWithAMistakeKeepsThePreviousMembersAndSaysWhereOnce() throws IOException {
        write(file(member("alpha", "a-1", "2027-06-30"), member("beta", "b-1", "2027-06-30").replace("FR", "France")));
        reloader.checkForChange();
        reloader.checkForChange();
        reloader.checkForChange();
        reloader.checkForChange();

        assertThat(members.current().byId("beta")).isEmpty();
        assertThat(members.current().byToken("a-1")).isPresent();
        assertThat(published).isEmpty();
        assertThat(reloader.lastReloadSuccessful()).isFalse();
        assertThat(errors()).singleElement().asString()
                .contains("previous members stay in force")
                .contains(file + " line 14: members[1] (beta).country: 'France'");

        write(file(member("alpha", "a-1", "2027-06-30"), member("beta", "b-1", "2027-06-30")));
        reloader.checkForChange();
        reloader.checkForChange();
        assertThat(reloader.lastReloadSuccessful()).isTrue();
        assertThat(members.current().byId("beta")).isPresent();
    }

    @Test
    void aFileThatDisappearsKeepsThePreviousMembers() throws IOException {
        Files.delete(file);
        reloader.checkForChange();
        reloader.checkForChange();

        assertThat(members.current().byId("alpha")).isPresent();
        assertThat(reloader.lastReloadSuccessful()).isFalse();
        assertThat(errors()).singleElement().asString().contains("members.yml does not exist");
    }
}
