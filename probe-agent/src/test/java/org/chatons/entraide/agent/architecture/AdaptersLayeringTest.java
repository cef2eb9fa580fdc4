package org.chatons.entraide.agent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.Report;
import org.junit.jupiter.api.Test;

/**
 * The probe adapters measure a service and know nothing of what becomes of the measurement: reporting (the
 * report's shape, the brokers, their retries) and the command line are around them, never inside. An adapter for
 * a new software can then be written and tested against recorded answers alone.
 */
class AdaptersLayeringTest {

    static final JavaClasses AGENT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chatons.entraide.agent");

    @Test
    void adaptersUseNothingOfReporting() {
        noClasses().that().resideInAPackage("..agent.adapters..").should().dependOnClassesThat()
                .resideInAnyPackage("..agent.reporting..", "..agent.cli..")
                .orShould().dependOnClassesThat().belongToAnyOf(Report.class, HostReport.class)
                .because("an adapter measures; what is reported, and to whom, is decided elsewhere")
                .check(AGENT);
    }
}
