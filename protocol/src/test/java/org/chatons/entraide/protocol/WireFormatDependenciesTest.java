package org.chatons.entraide.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The wire format depends on nothing but the JDK and annotations (Jackson's, Micronaut Serde's and core's, with
 * the types their members name), so both sides can take it: the broker reads it with Micronaut Serde, the agent
 * with plain Jackson, and neither drags the other's runtime along.
 */
class WireFormatDependenciesTest {

    /**
     * Micronaut's annotation processor writes a {@code $Report$Introspection} beside each {@code @Serdeable}
     * record: generated code, read only where Micronaut runs, and left out here.
     */
    static final DescribedPredicate<JavaClass> WRITTEN_BY_HAND = DescribedPredicate.describe("written by hand",
            c -> !c.getSimpleName().endsWith("$Introspection") && !c.getName().contains(".$"));

    @Test
    void theWireFormatDependsOnTheJdkAndAnnotationsOnly() {
        classes().that().resideInAPackage("org.chatons.entraide.protocol..").and(WRITTEN_BY_HAND)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.chatons.entraide.protocol..",
                        "com.fasterxml.jackson.annotation..", "io.micronaut.serde.annotation..",
                        "io.micronaut.core.annotation..",
                        // The type @Serdeable's naming member defaults to: part of the annotation, in the same jar
                        // (micronaut-serde-api, an optional dependency).
                        "io.micronaut.serde.config.naming..")
                .because("the wire format is shared by the broker and the agent")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.chatons.entraide.protocol"));
    }
}
