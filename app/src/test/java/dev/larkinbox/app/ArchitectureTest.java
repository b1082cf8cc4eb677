package dev.larkinbox.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule of the hexagon, checked on the production classes of every module. */
@AnalyzeClasses(packages = "dev.larkinbox",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** Test-jars (in-memory stores, fixtures, the stand-in gateway) are test code, whatever their location. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule theDomainUsesTheJdkOnly = classes().that().resideInAPackage("dev.larkinbox.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.larkinbox.domain..", "java..");

    @ArchTest
    static final ArchRule theWebhookAdapterDoesNotUseAnotherAdapter = noClasses()
            .that().resideInAPackage("dev.larkinbox.inbound.http..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.larkinbox.inbound.ws..",
                    "dev.larkinbox.inbound.web..", "dev.larkinbox.outbound..",
                    "dev.larkinbox.app..");

    @ArchTest
    static final ArchRule theLongConnectionAdapterDoesNotUseAnotherAdapter = noClasses()
            .that().resideInAPackage("dev.larkinbox.inbound.ws..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.larkinbox.inbound.http..",
                    "dev.larkinbox.inbound.web..", "dev.larkinbox.outbound..",
                    "dev.larkinbox.app..");

    @ArchTest
    static final ArchRule theWebInboxDoesNotUseAnotherAdapter = noClasses()
            .that().resideInAPackage("dev.larkinbox.inbound.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.larkinbox.inbound.http..",
                    "dev.larkinbox.inbound.ws..", "dev.larkinbox.inbound.lark..", "dev.larkinbox.outbound..",
                    "dev.larkinbox.app..");

    @ArchTest
    static final ArchRule theDatabaseAdapterDoesNotUseAnotherAdapter = noClasses()
            .that().resideInAPackage("dev.larkinbox.outbound.db..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.larkinbox.inbound..", "dev.larkinbox.outbound.lark..",
                    "dev.larkinbox.app..");

    @ArchTest
    static final ArchRule theLarkApiAdapterDoesNotUseAnotherAdapter = noClasses()
            .that().resideInAPackage("dev.larkinbox.outbound.lark..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.larkinbox.inbound..", "dev.larkinbox.outbound.db..",
                    "dev.larkinbox.app..");

    @ArchTest
    static final ArchRule theJobsDoNotUseAnotherAdapter = noClasses()
            .that().resideInAPackage("dev.larkinbox.inbound.jobs..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.larkinbox.inbound.http..", "dev.larkinbox.inbound.ws..",
                    "dev.larkinbox.inbound.lark..", "dev.larkinbox.outbound..", "dev.larkinbox.app..");

    /** Adapters drive the domain through its use-case interfaces, so that a service can change behind them. */
    @ArchTest
    static final ArchRule adaptersUseTheUseCasesNotTheServices = noClasses()
            .that().resideInAnyPackage("dev.larkinbox.inbound..", "dev.larkinbox.outbound..")
            .should().dependOnClassesThat(resideInAPackage("dev.larkinbox.domain..").and(simpleNameEndingWith("Service")));

    /** The translation both transports share is a library of theirs: it knows neither of them. */
    @ArchTest
    static final ArchRule theSharedTranslationKnowsNoTransport = noClasses()
            .that().resideInAPackage("dev.larkinbox.inbound.lark..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.larkinbox.inbound.http..", "dev.larkinbox.inbound.ws..",
                    "dev.larkinbox.inbound.web..", "dev.larkinbox.outbound..", "dev.larkinbox.app..");
}
