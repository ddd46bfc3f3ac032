package preflight.probe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ProbeWiringTest {

    @Test
    void springBuildsTheRunnerFromProperties() {
        new ApplicationContextRunner()
                .withUserConfiguration(ProbeConfiguration.class, ProbeRunner.class)
                .withPropertyValues("preflight.probe.allowed-hosts=api.example.com,*.example.org", "preflight.probe.timeout=3s")
                .run(context -> {
                    assertThat(context).hasSingleBean(ProbeRunner.class);
                    ProbeSettings settings = context.getBean(ProbeSettings.class);
                    assertThat(settings.allowedHosts()).containsExactly("api.example.com", "*.example.org");
                    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(context.getBean(ProbeRunner.class).run(Probes.probe("dns", "localhost")).detail())
                            .isEqualTo("host localhost not in PREFLIGHT_PROBE_ALLOWED_HOSTS");
                });
    }

    @Test
    void probesKnowNothingAboutSlack() {
        noClasses().that().resideInAPackage("preflight.probe..")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "preflight.slack..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("preflight.probe"));
    }

    @Test
    void aClosedRunnerStillAnswersWithResults() {
        ProbeRunner runner = Probes.trustingRunner();
        runner.close();

        assertThat(runner.run(Probes.probe("dns", "localhost")).detail()).isEqualTo("probe runner is shut down");
        assertThat(runner.runAll(java.util.List.of(Probes.probe("dns", "localhost")), null))
                .extracting(ProbeResult::detail).containsExactly("probe runner is shut down");
    }
}
