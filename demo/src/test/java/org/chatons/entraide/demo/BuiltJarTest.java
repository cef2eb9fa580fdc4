package org.chatons.entraide.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar older than a file of its module's or the shared modules' sources is named as stale, with the file. */
class BuiltJarTest {

    @TempDir
    Path root;

    static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

    Path file(String relative, Instant modified) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    BuiltJar jarWithSources() throws Exception {
        file("broker/pom.xml", BUILT.minusSeconds(60));
        file("broker/src/main/java/Broker.java", BUILT.minusSeconds(60));
        file("protocol/src/main/java/Report.java", BUILT.minusSeconds(60));
        return new BuiltJar(file("broker/target/broker.jar", BUILT));
    }

    @Test
    void aJarBuiltAfterEverySourceIsFresh() throws Exception {
        assertThat(jarWithSources().problem()).isEmpty();
    }

    @Test
    void aJarOlderThanItsModulesSourcesIsStaleNamingTheFile() throws Exception {
        BuiltJar jar = jarWithSources();
        Path changed = file("broker/src/main/java/Broker.java", BUILT.plusSeconds(1));

        assertThat(jar.problem()).get(STRING)
                .contains("older than " + changed).contains("./mvnw -q -DskipTests package");
    }

    @Test
    void aJarOlderThanASharedModulesSourcesOrItsPomIsStale() throws Exception {
        BuiltJar jar = jarWithSources();
        file("protocol/src/main/java/Report.java", BUILT.plusSeconds(1));
        assertThat(jar.problem()).isPresent();

        file("protocol/src/main/java/Report.java", BUILT.minusSeconds(1));
        file("broker/pom.xml", BUILT.plusSeconds(1));
        assertThat(jar.problem()).isPresent();
    }

    @Test
    void aMissingJarIsNotBuilt() {
        BuiltJar jar = new BuiltJar(root.resolve("broker/target/broker.jar"));

        assertThat(jar.built()).isFalse();
        assertThat(jar.problem()).get(STRING).contains("is not built");
    }
}
