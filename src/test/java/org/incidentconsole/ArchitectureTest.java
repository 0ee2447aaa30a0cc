package org.incidentconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The package rules of ARCHITECTURE.md, checked on the main code. */
@AnalyzeClasses(packages = "org.incidentconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "org.incidentconsole";
    private static final List<String> PACKAGES = List.of("severity", "inventory", "redact", "shell", "runbook", "ssh", "breaker",
            "health", "incident", "report", "notify", "coordination", "drill", "ui", "app");
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @ArchTest
    static final ArchRule only_ui_and_app_use_javafx = noClasses()
            .that().resideOutsideOfPackages("org.incidentconsole.ui..", "org.incidentconsole.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engines are tested without a toolkit and never touch the FX thread");

    @ArchTest
    static final ArchRule ui_uses_neither_sshj_nor_jedis = noClasses()
            .that().resideInAPackage("org.incidentconsole.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("net.schmizz..", "com.hierynomus..", "redis.clients..")
            .because("the UI talks to our ssh and breaker packages, which hide the libraries");

    @ArchTest
    static final ArchRule inventory_and_runbook_depend_on_no_other_capability = noClasses()
            .that().resideInAnyPackage("org.incidentconsole.inventory..", "org.incidentconsole.runbook..",
                    "org.incidentconsole.redact..")
            .should().dependOnClassesThat().resideInAnyPackage("org.incidentconsole.ssh..",
                    "org.incidentconsole.breaker..", "org.incidentconsole.health..", "org.incidentconsole.incident..",
                    "org.incidentconsole.report..", "org.incidentconsole.drill..", "org.incidentconsole.ui..",
                    "org.incidentconsole.app..");

    @ArchTest
    static final ArchRule shell_analysis_depends_on_no_other_package = noClasses()
            .that().resideInAPackage("org.incidentconsole.shell..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.incidentconsole.shell..", "java..",
                    "org.treesitter..")
            .because("the shell engine (used by runbook) only reads text; runbook may use it, it uses nothing of ours");

    @ArchTest
    static final ArchRule severity_is_a_leaf = noClasses()
            .that().resideInAPackage("org.incidentconsole.severity..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.incidentconsole.severity..", "java..")
            .because("the health advisor suggests and the incident records the same severity: neither may own it");

    @ArchTest
    static final ArchRule ssh_depends_only_on_inventory = noClasses()
            .that().resideInAPackage("org.incidentconsole.ssh..")
            .should().dependOnClassesThat().resideInAnyPackage("org.incidentconsole.breaker..",
                    "org.incidentconsole.health..", "org.incidentconsole.incident..", "org.incidentconsole.report..",
                    "org.incidentconsole.ui..", "org.incidentconsole.app..");

    @ArchTest
    static final ArchRule nothing_but_app_depends_on_app = noClasses()
            .that().resideOutsideOfPackage("org.incidentconsole.app..")
            .should().dependOnClassesThat().resideInAPackage("org.incidentconsole.app..");

    @ArchTest
    static final ArchRule no_standard_streams_outside_the_cli = noClasses()
            .that().resideOutsideOfPackage("org.incidentconsole.app..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("log through SLF4J; only the CLI prints");

    @ArchTest
    static final ArchRule logging_through_slf4j_only = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule no_log4j_or_commons_logging = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.log4j..", "org.apache.logging.log4j..",
                    "org.apache.commons.logging..");

    @ArchTest
    static final ArchRule host_key_checking_is_never_disabled = noClasses()
            .should().dependOnClassesThat()
            .haveFullyQualifiedName("net.schmizz.sshj.transport.verification.PromiscuousVerifier");

    /** The "may use" column of docs/ARCHITECTURE.md: a package depends on nothing of ours outside its row. */
    @ParameterizedTest(name = "{0} may use only: {1}")
    @CsvSource(delimiter = '|', value = {
            "severity  |",
            "inventory |",
            "redact    |",
            "shell     |",
            "runbook   | shell",
            "ssh       | inventory",
            "breaker   | ssh inventory",
            "health    | ssh inventory breaker redact severity",
            "incident  | ssh inventory shell runbook redact breaker health severity",
            "report    | incident severity",
            "notify    | inventory redact",
            "coordination | incident inventory redact",
            "drill     | ssh breaker",
            "ui        | severity inventory redact shell runbook ssh breaker health incident report notify coordination drill",
            "app       | severity inventory redact shell runbook ssh breaker health incident report notify coordination drill ui"})
    void a_package_uses_only_the_packages_its_row_allows(String pkg, String mayUse) {
        Set<String> allowed = mayUse == null ? Set.of() : Set.of(mayUse.strip().split("\\s+"));
        String[] forbidden = PACKAGES.stream().filter(p -> !p.equals(pkg) && !allowed.contains(p))
                .map(p -> ROOT + "." + p + "..").toArray(String[]::new);
        ArchRule rule = noClasses().that().resideInAPackage(ROOT + "." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("docs/ARCHITECTURE.md lets " + pkg + " use " + (allowed.isEmpty() ? "nothing of ours"
                        : String.join(", ", allowed)));
        if (forbidden.length > 0) {
            rule.check(MAIN);
        }
    }

    @Test
    void every_package_of_the_main_code_has_a_row_in_the_table() {
        Set<String> found = new TreeSet<>();
        MAIN.forEach(c -> {
            String name = c.getPackageName();
            if (name.startsWith(ROOT + ".")) {
                found.add(name.substring(ROOT.length() + 1).split("\\.")[0]);
            }
        });
        assertThat(PACKAGES).as("packages with a row in the table").containsAll(found);
    }

    @ArchTest
    static final ArchRule view_models_never_touch_the_scene_graph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("a view model holds state and behaviour and is tested without a toolkit; controls belong to "
                    + "the controller");
}
