package org.chatons.entraide.probes.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.junit.jupiter.api.Test;

/**
 * {@code probes/} is shared by the agent, the broker and the demo, and stays pure: what a software is and what its
 * answers mean, no I/O (each side keeps its own HTTP client, timeouts and limits) and nothing of the programs that
 * use it. Addresses ({@link URI}) and the exception an asker may throw ({@link IOException}) are values, not I/O.
 */
class ProbesArePureTest {

    static final JavaClasses PROBES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chatons.entraide.probes");

    @Test
    void probesKnowNothingOfTheBrokerTheAgentOrMicronaut() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.chatons.entraide.broker..", "org.chatons.entraide.agent..",
                        "org.chatons.entraide.demo..", "io.micronaut..")
                .because("the agent, the broker and the demo take their softwares from here, not the other way round")
                .check(PROBES);
    }

    @Test
    void probesDoNoIo() {
        DescribedPredicate<JavaClass> values = DescribedPredicate.describe("a value or an exception type",
                c -> c.isEquivalentTo(URI.class) || c.isEquivalentTo(URISyntaxException.class)
                        || c.isEquivalentTo(IOException.class) || c.isEquivalentTo(UncheckedIOException.class));
        noClasses().should().dependOnClassesThat(DescribedPredicate.and(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("java.io..", "java.net..",
                                "java.nio..", "javax.net.."),
                        DescribedPredicate.not(values)))
                .because("requests, files and sockets belong to the programs; a parser reads an answer it is given")
                .check(PROBES);
    }
}
