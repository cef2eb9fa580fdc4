package org.chatons.entraide.broker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chatons.entraide.broker.selection.Policy;
import org.junit.jupiter.api.Test;

/**
 * The broker's layering, held by tests rather than by habit (ARCHITECTURE.md draws it). Each layer uses only the
 * layers below it. The decision code (registry, eligibility, selection, rooms, and counting's rules) is pure: no
 * web, no metrics, no I/O, and the clock and the random generator come in as arguments, so the same code runs
 * live, in tests on a fake clock and in the simulator in virtual time.
 */
class LayeringTest {

    /** The layers, bottom first: each may use only those before it. */
    static final Map<String, String[]> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("Config", new String[] {"..broker.config.."});
        LAYERS.put("Domain", new String[] {"..broker.members..", "..broker.catalogue..", "..broker.i18n.."});
        LAYERS.put("HttpPlumbing", new String[] {"..broker.http.."});
        LAYERS.put("Counting", new String[] {"..broker.counting.."});
        LAYERS.put("Registry", new String[] {"..broker.registry.."});
        LAYERS.put("Decision", new String[] {"..broker.eligibility..", "..broker.selection..", "..broker.rooms.."});
        LAYERS.put("Intake", new String[] {"..broker.reports..", "..broker.chatonsinfos..", "..broker.publicprobe..",
                "..broker.drains.."});
        LAYERS.put("Metrics", new String[] {"..broker.metrics.."});
        LAYERS.put("Web", new String[] {"..broker.web.."});
    }

    static final String[] DECISION = {"..broker.eligibility..", "..broker.selection..", "..broker.registry..",
            "..broker.rooms.."};
    static final JavaClasses BROKER = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chatons.entraide.broker");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        var rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        String[] below = {};
        for (Map.Entry<String, String[]> layer : LAYERS.entrySet()) {
            rule = rule.layer(layer.getKey()).definedBy(layer.getValue());
        }
        for (String name : LAYERS.keySet()) {
            rule = below.length == 0 ? rule.whereLayer(name).mayNotAccessAnyLayer()
                    : rule.whereLayer(name).mayOnlyAccessLayers(below);
            below = append(below, name);
        }
        rule.because("arrows go down only: web and metrics read the decision, the decision never reads them")
                .check(BROKER);
    }

    @Test
    void everyBrokerPackageIsInALayer() {
        Set<String> left = BROKER.stream().map(JavaClass::getPackageName)
                .filter(p -> !p.equals("org.chatons.entraide.broker"))
                .filter(p -> LAYERS.values().stream().flatMap(Arrays::stream)
                        .noneMatch(pattern -> PackageMatcher.of(pattern).matches(p)))
                .collect(Collectors.toSet());
        assertThat(left).as("packages no layer names: add them to LAYERS and to ARCHITECTURE.md").isEmpty();
    }

    @Test
    void decisionCodeUsesNoWebNoMetricsNoIo() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DECISION).should().dependOnClassesThat()
                .resideInAnyPackage("io.micronaut.http..", "io.netty..", "..broker.web..", "..broker.http..",
                        "io.micrometer..", "io.prometheus..", "..broker.metrics..",
                        "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..",
                        "..broker.drains..", "..broker.reports..", "org.yaml..")
                .because("eligibility, selection and registry decide; web, metrics and I/O are around them");
        rule.check(BROKER);
    }

    @Test
    void onlyTheRequestEndOfTheCountReadsRequests() {
        noClasses().that().resideInAPackage("..broker.counting..")
                .and().doNotHaveSimpleName("Visits").and().doNotHaveSimpleName("ClientAddresses")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "io.netty..",
                        "..broker.http..", "java.io..", "java.nio.file..", "io.micrometer..")
                .because("the count's rules are decision code (the registry and the pick use them); Visits and "
                        + "ClientAddresses turn a request into a visit and an address, and keep neither")
                .check(BROKER);
    }

    @Test
    void policiesChooseOnThePoolAlone() {
        classes().that().implement(Policy.class)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..broker.selection..")
                .because("a policy is handed the candidates' snapshot and a generator, and reads nothing else")
                .check(BROKER);
    }

    @Test
    void decisionCodeReadsNoClockAndDrawsNoRandomNumberOfItsOwn() {
        ArchRule rule = noClasses().that().resideInAnyPackage(append(DECISION, "..broker.counting..")).should()
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
        slices().matching("org.chatons.entraide.broker.web.(*)..").should().beFreeOfCycles()
                .because("the picker, the redirect, the API and admin each stand alone over web's shared answers")
                .check(BROKER);
    }

    private static String[] append(String[] names, String name) {
        String[] more = Arrays.copyOf(names, names.length + 1);
        more[names.length] = name;
        return more;
    }
}
