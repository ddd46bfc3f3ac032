package preflight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule of DESIGN.md: only {@code slack} talks to Slack, and nothing depends on it. */
@AnalyzeClasses(packages = "preflight", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheSlackPackageUsesTheSlackSdk = noClasses()
            .that().resideOutsideOfPackage("preflight.slack..")
            .should().dependOnClassesThat().resideInAPackage("com.slack.api..");

    @ArchTest
    static final ArchRule featuresDoNotDependOnSlack = noClasses()
            .that().resideOutsideOfPackage("preflight.slack..")
            .should().dependOnClassesThat().resideInAPackage("preflight.slack..");

    @ArchTest
    static final ArchRule checklistsKnowNothingOfReleases = noClasses()
            .that().resideInAPackage("preflight.checklist..")
            .should().dependOnClassesThat().resideInAnyPackage("preflight.deployment..", "preflight.probe..",
                    "preflight.approval..", "preflight.reminder..");

    @ArchTest
    static final ArchRule nothingDependsOnTheHttpApi = noClasses()
            .that().resideOutsideOfPackage("preflight.api..")
            .should().dependOnClassesThat().resideInAPackage("preflight.api..");

    @ArchTest
    static final ArchRule tokensKnowNeitherSlackNorTheApi = noClasses()
            .that().resideInAPackage("preflight.token..")
            .should().dependOnClassesThat().resideInAnyPackage("preflight.slack..", "preflight.api..");
}
