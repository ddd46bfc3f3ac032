package preflight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What Modulith cannot say (ModulesTest checks the module boundaries): a third-party SDK stays
 * inside the one module that adapts it.
 */
@AnalyzeClasses(packages = "preflight", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheSlackModuleUsesTheSlackSdk = noClasses()
            .that().resideOutsideOfPackage("preflight.slack..")
            .should().dependOnClassesThat().resideInAPackage("com.slack.api..");
}
