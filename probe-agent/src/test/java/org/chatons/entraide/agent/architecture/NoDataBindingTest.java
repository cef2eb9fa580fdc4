package org.chatons.entraide.agent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The agent reads JSON into trees and writes its reports with Jackson's streaming API, never through an
 * {@code ObjectMapper}: building one loads some 650 classes, about 4 MiB of the agent's resident memory
 * (BENCHMARKS.md §4), for data binding it does not need. The probe parsers it shares with the broker follow the
 * same rule. The one exception is the configuration's binding ({@code agent.config.binding}), read once at start
 * through a class loader of its own that is dropped afterwards ({@code BindingLoader}): nothing else may name it,
 * or its classes would be loaded for good by the application's. Not a memory test: a guard that the one large
 * saving is not undone by the way.
 */
class NoDataBindingTest {

    static final String BINDING = "org.chatons.entraide.agent.config.binding..";
    static final JavaClasses AGENT_AND_PARSERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chatons.entraide.agent", "org.chatons.entraide.probes");

    @Test
    void noObjectMapperInTheAgent() {
        noClasses().that().resideOutsideOfPackage(BINDING)
                .should().dependOnClassesThat().areAssignableTo(ObjectMapper.class)
                .orShould().dependOnClassesThat().belongToAnyOf(ObjectReader.class, ObjectWriter.class)
                .because("JsonTree reads trees and ReportJson writes reports without one (BENCHMARKS.md §4)")
                .check(AGENT_AND_PARSERS);
    }

    @Test
    void theConfigurationsBindingIsReachedOnlyThroughItsOwnClassLoader() {
        noClasses().that().resideOutsideOfPackage(BINDING)
                .should().dependOnClassesThat().resideInAnyPackage(BINDING, "org.chatons.entraide.yaml..",
                        "com.fasterxml.jackson.dataformat.yaml..", "org.yaml.snakeyaml..")
                .because("BindingLoader loads them by name, with a class loader that is dropped after start")
                .check(AGENT_AND_PARSERS);
    }
}
