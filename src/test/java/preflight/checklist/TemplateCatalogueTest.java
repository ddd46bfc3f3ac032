package preflight.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import preflight.testing.Templates;

@ExtendWith(OutputCaptureExtension.class)
class TemplateCatalogueTest {

    private static final String API_TEMPLATE = "# API\n## Checks\n- [ ] Health green\n";

    @TempDir
    Path dir;

    @Test
    void builtInDefaultIsAlwaysThere() {
        TemplateCatalogue catalogue = new TemplateCatalogue(new TemplateSettings(null), Templates.parser());

        assertThat(catalogue.names()).containsExactly("default");
        assertThat(catalogue.find("default")).hasValueSatisfying(template -> {
            assertThat(template.name()).isEqualTo("default");
            assertThat(template.source()).startsWith("# Production Deployment Checklist");
            assertThat(template.checklist().items()).isNotEmpty();
        });
        assertThat(catalogue.problems()).isEmpty();
    }

    @Test
    void templatesInTheFolderAreListedSortedByName() throws IOException {
        Files.writeString(dir.resolve("web.md"), "# Web\n- [ ] CDN purged\n");
        Files.writeString(dir.resolve("api-service.md"), API_TEMPLATE);
        Files.writeString(dir.resolve("notes.txt"), "not a template");

        TemplateCatalogue catalogue = catalogue();

        assertThat(catalogue.names()).containsExactly("api-service", "default", "web");
        assertThat(catalogue.find("api-service")).hasValueSatisfying(template -> {
            assertThat(template.source()).isEqualTo(API_TEMPLATE);
            assertThat(template.checklist().name()).isEqualTo("api-service");
            assertThat(template.checklist().items()).extracting(Item::text).containsExactly("Health green");
        });
        assertThat(catalogue.find("notes")).isEmpty();
    }

    @Test
    void malformedTemplateIsReportedWhileTheOthersLoad() throws IOException {
        Files.writeString(dir.resolve("api-service.md"), API_TEMPLATE);
        Files.writeString(dir.resolve("broken.md"), "---\nprobes:\n  - id: health\n    http:\n---\n# B\n- [ ] One\n");

        TemplateCatalogue catalogue = catalogue();

        assertThat(catalogue.names()).containsExactly("api-service", "default");
        assertThat(catalogue.find("broken")).isEmpty();
        assertThat(catalogue.problems()).containsExactly(new TemplateProblem("broken.md", 4, "probe 'health' has no target"));
    }

    @Test
    void malformedTemplateIsLoggedOnceWithFileAndLine(CapturedOutput output) throws IOException {
        Files.writeString(dir.resolve("broken.md"), "# B\n- [ ] One {#x}\n- [ ] Two {#x}\n");
        TemplateCatalogue catalogue = catalogue();

        catalogue.names();
        catalogue.find("broken");
        catalogue.problems();

        String warning = "Template broken.md line 3: item id 'x' is already used by the item at line 2";
        assertThat(output.getAll()).contains(warning);
        assertThat(output.getAll().split(java.util.regex.Pattern.quote(warning), -1)).hasSize(2);
    }

    @Test
    void editedTemplateIsPickedUpWithoutRestart() throws IOException {
        Path file = dir.resolve("api-service.md");
        Files.writeString(file, API_TEMPLATE);
        TemplateCatalogue catalogue = catalogue();
        assertThat(catalogue.find("api-service").orElseThrow().checklist().items()).hasSize(1);

        Files.writeString(file, API_TEMPLATE + "- [ ] Logs clean\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(catalogue.find("api-service").orElseThrow().checklist().items()).extracting(Item::text)
                .containsExactly("Health green", "Logs clean");
    }

    @Test
    void fixingABrokenTemplateClearsItsProblemAndDeletingItRemovesIt() throws IOException {
        Path file = dir.resolve("api-service.md");
        Files.writeString(file, "# Nothing yet\n");
        TemplateCatalogue catalogue = catalogue();
        assertThat(catalogue.problems()).extracting(TemplateProblem::template, TemplateProblem::problem)
                .containsExactly(tuple("api-service.md", "no checklist items"));

        Files.writeString(file, API_TEMPLATE);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(catalogue.problems()).isEmpty();
        assertThat(catalogue.names()).contains("api-service");

        Files.delete(file);
        assertThat(catalogue.names()).containsExactly("default");
    }

    @Test
    void unchangedFilesAreNotParsedAgain() throws IOException {
        Files.writeString(dir.resolve("api-service.md"), API_TEMPLATE);
        TemplateCatalogue catalogue = catalogue();

        Template first = catalogue.find("api-service").orElseThrow();

        assertThat(catalogue.find("api-service")).containsSame(first);
    }

    @Test
    void invalidFileNamesAreReported() throws IOException {
        Files.writeString(dir.resolve("API Service.md"), API_TEMPLATE);
        Files.writeString(dir.resolve("_draft.md"), API_TEMPLATE);
        Files.writeString(dir.resolve("ok_name.v2.md"), API_TEMPLATE);

        TemplateCatalogue catalogue = catalogue();

        assertThat(catalogue.names()).containsExactly("default", "ok_name.v2");
        assertThat(catalogue.problems()).extracting(TemplateProblem::template)
                .containsExactlyInAnyOrder("API Service.md", "_draft.md");
        assertThat(catalogue.problems()).allSatisfy(problem -> assertThat(problem.problem()).contains("[a-z0-9][a-z0-9._-]{0,63}"));
    }

    @Test
    void defaultInTheFolderOverridesTheBuiltIn() throws IOException {
        Files.writeString(dir.resolve("default.md"), "# Ours\n- [ ] Our only step\n");

        TemplateCatalogue catalogue = catalogue();

        assertThat(catalogue.names()).containsExactly("default");
        assertThat(catalogue.find("default").orElseThrow().checklist().title()).isEqualTo("Ours");
    }

    @Test
    void brokenDefaultInTheFolderKeepsTheBuiltIn() throws IOException {
        Files.writeString(dir.resolve("default.md"), "# Ours, unfinished\n");

        TemplateCatalogue catalogue = catalogue();

        assertThat(catalogue.find("default").orElseThrow().checklist().title()).isEqualTo("Production Deployment Checklist");
        assertThat(catalogue.problems()).extracting(TemplateProblem::template).containsExactly("default.md");
    }

    @Test
    void templateAddedToAFolderUnchangedForLongIsPickedUp() throws IOException {
        Files.writeString(dir.resolve("api-service.md"), API_TEMPLATE);
        Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minusSeconds(60)));
        TemplateCatalogue catalogue = catalogue();
        assertThat(catalogue.names()).containsExactly("api-service", "default");

        Files.writeString(dir.resolve("web.md"), "# Web\n- [ ] CDN purged\n");

        assertThat(catalogue.names()).containsExactly("api-service", "default", "web");
    }

    @Test
    void templateAddedWhereTheFolderKeepsItsTimeIsPickedUpWhileTheFolderIsFresh() throws IOException {
        Files.writeString(dir.resolve("api-service.md"), API_TEMPLATE);
        FileTime folderTime = Files.getLastModifiedTime(dir);
        TemplateCatalogue catalogue = catalogue();
        assertThat(catalogue.names()).containsExactly("api-service", "default");

        // a file system with coarse times gives the folder the same time after a change in the same tick
        Files.writeString(dir.resolve("web.md"), "# Web\n- [ ] CDN purged\n");
        Files.setLastModifiedTime(dir, folderTime);

        assertThat(catalogue.names()).containsExactly("api-service", "default", "web");
    }

    @Test
    void missingFolderLeavesOnlyTheBuiltIn() {
        TemplateCatalogue catalogue = new TemplateCatalogue(new TemplateSettings(dir.resolve("absent")), Templates.parser());

        assertThat(catalogue.names()).containsExactly("default");
        assertThat(catalogue.problems()).isEmpty();
    }

    @Test
    void folderCreatedLaterIsPickedUp() throws IOException {
        Path later = dir.resolve("later");
        TemplateCatalogue catalogue = new TemplateCatalogue(new TemplateSettings(later), Templates.parser());
        assertThat(catalogue.names()).containsExactly("default");

        Files.createDirectories(later);
        Files.writeString(later.resolve("api-service.md"), API_TEMPLATE);

        assertThat(catalogue.names()).containsExactly("api-service", "default");
    }

    private TemplateCatalogue catalogue() {
        return new TemplateCatalogue(new TemplateSettings(dir), Templates.parser());
    }
}
