package org.incidentconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of ARCHITECTURE.md, checked on the main code. */
@AnalyzeClasses(packages = "org.incidentconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
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
}
