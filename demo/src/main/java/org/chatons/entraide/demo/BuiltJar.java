package org.chatons.entraide.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A jar this repository builds ({@code broker/target/broker.jar}, {@code probe-agent/target/probe-agent.jar}), and
 * whether it is older than the sources it was built from. Tests that run a jar check it first: a build that stops
 * before {@code package}, or a change made since, would otherwise test whatever jar was built last.
 *
 * @param jar the jar, in its module's {@code target/} folder
 */
public record BuiltJar(Path jar) {

    /** The modules whose classes every jar of this repository carries besides its own module's (shaded in). */
    static final List<String> SHARED_MODULES = List.of("protocol", "probes");

    /** What to run to build the jars again. */
    public static final String REBUILD = "run ./mvnw -q -DskipTests package (or a reactor build up to verify)";

    public boolean built() {
        return Files.isRegularFile(jar);
    }

    /**
     * Why the jar cannot be trusted, if it cannot: missing, or older than a file of its module's sources (its
     * {@code src/main} and {@code pom.xml}, and those of the shared modules). Empty where no sources sit beside it.
     */
    public Optional<String> problem() {
        if (!built()) {
            return Optional.of(jar + " is not built: " + REBUILD);
        }
        try {
            FileTime builtAt = Files.getLastModifiedTime(jar);
            return newestSource().filter(source -> lastModified(source).compareTo(builtAt) > 0)
                    .map(source -> jar + " is older than " + source + ", changed since it was built: " + REBUILD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Path> newestSource() throws IOException {
        Path module = jar.toAbsolutePath().getParent().getParent();
        Path root = module.getParent();
        Stream<Path> modules = Stream.concat(Stream.of(module), SHARED_MODULES.stream().map(root::resolve));
        List<Path> sources = new java.util.ArrayList<>();
        for (Path dir : modules.distinct().toList()) {
            sources.add(dir.resolve("pom.xml"));
            Path main = dir.resolve("src/main");
            if (Files.isDirectory(main)) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(Files::isRegularFile).forEach(sources::add);
                }
            }
        }
        return sources.stream().filter(Files::isRegularFile).max(Comparator.comparing(BuiltJar::lastModified));
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
