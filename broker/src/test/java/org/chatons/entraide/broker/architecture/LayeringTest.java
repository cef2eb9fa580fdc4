package org.chatons.entraide.broker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The broker's layering, held by tests rather than by habit. The decision code (eligibility, selection, registry)
 * is pure: no web, no metrics, no I/O, and the clock and the random generator come in as arguments, so the same
 * code runs live, in tests on a fake clock and in the simulator in virtual time.
 */
class LayeringTest {

    static final String[] DECISION = {"..broker.eligibility..", "..broker.selection..", "..broker.registry..",
            "..broker.rooms.."};
    static final JavaClasses BROKER = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chatons.entraide.broker");

    @Test
    void decisionCodeUsesNoWebNoMetricsNoIo() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DECISION).should().dependOnClassesThat()
                .resideInAnyPackage("io.micronaut.http..", "io.netty..", "..broker.web..",
                        "io.micrometer..", "io.prometheus..", "..broker.metrics..",
                        "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..",
                        "..broker.drains..", "..broker.reports..", "org.yaml..")
                .because("eligibility, selection and registry decide; web, metrics and I/O are around them");
        rule.check(BROKER);
    }

    @Test
    void decisionCodeReadsNoClockAndDrawsNoRandomNumberOfItsOwn() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DECISION).should()
                .callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.util.concurrent.ThreadLocalRandom.class, "current")
                .orShould().callConstructor(java.util.Random.class)
                .because("the clock and the random generator are injected (config.DecisionInputs)");
        rule.check(BROKER);
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        // A cycle makes two packages one: neither can be read, tested or changed alone.
        slices().matching("org.chatons.entraide.broker.(*)..").should().beFreeOfCycles()
                .because("each package holds one concern; listeners (PickListener, ReportListener) invert the "
                        + "arrows where a package must tell another")
                .check(BROKER);
    }
}
