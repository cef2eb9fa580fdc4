package org.chatons.entraide.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM flags are measured once (BENCHMARKS.md section 4) and written where each way of running a service reads
 * them: the Debian unit, the broker's launcher, the container images and the README. The unit is the reference;
 * the others must say the same, so that a flag changed in one place cannot leave an unmeasured one in another.
 */
class JvmFlagsTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theBrokersLauncherImageAndReadmeRunTheUnitsFlags() throws IOException {
        String unit = unitFlags("packaging/src/deb/broker/entraide-broker.service");

        assertThat(one("packaging/src/deb/broker/entraide-broker", "JAVA_OPTS=\\$\\{JAVA_OPTS-\"([^\"]*)\"}"))
                .isEqualTo(unit);
        assertThat(one("broker/Dockerfile", "ENV JAVA_OPTS=\"([^\"]*)\"")).isEqualTo(unit);
        assertThat(read("README.md").replaceAll("\\s+", " ")).contains("broker `" + unit + "`");
    }

    @Test
    void theAgentsImageRunsTheUnitsFlags() throws IOException {
        // The agent's launcher keeps lighter defaults for a start by hand (its comment says why): not compared.
        String unit = unitFlags("packaging/src/deb/probe-agent/entraide-probe-agent.service");

        assertThat(one("probe-agent/Dockerfile", "ENV JAVA_OPTS=\"([^\"]*)\"")).isEqualTo(unit);
    }

    private static String unitFlags(String unit) throws IOException {
        String flags = one(unit, "(?m)^Environment=\"JAVA_OPTS=([^\"]*)\"$");
        assertThat(flags).as("the JAVA_OPTS of %s", unit).contains("-XX:+UseSerialGC");
        return flags;
    }

    /** The one match of {@code regex}'s group in the file: none or two is a failure naming the file. */
    private static String one(String file, String regex) throws IOException {
        Matcher matcher = Pattern.compile(regex).matcher(read(file));
        assertThat(matcher.find()).as("%s has a line matching %s", file, regex).isTrue();
        String found = matcher.group(1);
        assertThat(matcher.find()).as("%s has only one line matching %s", file, regex).isFalse();
        return found;
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
    }
}
