package preflight.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ChecklistConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ChecklistConfiguration.class, TemplateCatalogue.class);

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
