package preflight.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ChecklistConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ChecklistConfiguration.class, TemplateCatalogue.class)
            // the probe module answers this port in the app; these templates have no probes
            .withBean(ProbeKinds.class, () -> mock(ProbeKinds.class));

    @Test
    void templatesFolderComesFromPreflightTemplatesDir(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("api-service.md"), "# API\n- [ ] Health green\n");

        context.withPropertyValues("preflight.templates-dir=" + dir)
                .run(app -> assertThat(app.getBean(TemplateCatalogue.class).names()).containsExactly("api-service", "default"));
    }

    @Test
    void withoutAFolderOnlyTheBuiltInIsOffered() {
        context.run(app -> assertThat(app.getBean(TemplateCatalogue.class).names()).containsExactly("default"));
    }
}
