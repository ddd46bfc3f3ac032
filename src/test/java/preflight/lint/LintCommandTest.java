package preflight.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    private static final Path SHARED = Path.of("..", "shared", "checklists");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int lint(String... args) {
        return LintCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everySharedChecklistLintsClean() throws IOException {
        List<String> files;
        try (Stream<Path> listed = Files.list(SHARED)) {
            files = listed.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        }
        assertThat(files).isNotEmpty();

        int status = lint(files.toArray(String[]::new));

        assertThat(err()).isEmpty();
        assertThat(status).isZero();
        assertThat(out()).contains(files.size() + " templates ok, 0 with errors", "sections:", "items:",
                "post-deploy items:", "sign-off roles:", "probes:", "messages:", "card", "checklist-1", "reminder");
    }

    @Test
    void brokenTemplatesFailWithFileAndLine(@TempDir Path dir) throws IOException {
        Path probe = Files.writeString(dir.resolve("probe.md"), """
                ---
                probes:
                  - id: db
                    tcp: db.internal
                ---
                # Release
                - [ ] Database reachable
                """);
        Path empty = Files.writeString(dir.resolve("empty.md"), "# Nothing to tick\n");
        Path good = Files.writeString(dir.resolve("good.md"), "# Good\n- [ ] One thing\n");

        int status = lint(probe.toString(), empty.toString(), good.toString(), "missing.md");

        assertThat(status).isEqualTo(1);
        assertThat(err()).contains(probe + ":4: error: probe 'db': target db.internal has no port; expected host:port",
                empty + ":1: error: no checklist items", "missing.md: error: no such file");
        assertThat(out()).contains(good + ": ok", "1 template ok, 3 with errors");
    }

    @Test
    void aFolderIsSearchedForMarkdownTemplates(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("deploy"));
        Files.writeString(dir.resolve("deploy/api.md"), """
                ---
                probes:
                  - id: health
                    http: https://api.example.com/health
                    ticks: ["Health"]
                signoff:
                  Tech Lead: [U01TECHLEAD]
                ---
                # API
                ## Before
                - [ ] Health check green
                ## Monitor for 24 hours
                - [ ] Error rate normal
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a template");

        assertThat(lint(dir.toString())).isZero();
        assertThat(out()).contains("api “API”", "probes: health (http https://api.example.com/health, ticks [",
                "sign-off roles: Tech Lead [U01TECHLEAD]", "post-deploy items: 1", "signoff", "1 template ok");
    }

    @Test
    void previewWritesBlockKitJsonAndBuilderLinksPerMessage(@TempDir Path dir) throws IOException {
        Path template = Files.writeString(dir.resolve("api.md"), "# API\n## Sign-off\n| Role | Name |\n|---|---|\n| QA Lead | |\n## Before\n- [ ] <!channel> ping nobody\n");
        Path previews = dir.resolve("out");

        assertThat(lint("--preview=" + previews, template.toString())).isZero();

        Path folder = previews.resolve("api");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted().toList())
                    .contains("01-card.json", "02-checklist-1.json", "index.html", "links.txt");
        }
        String checklist = Files.readString(folder.resolve("02-checklist-1.json"));
        assertThat(checklist).startsWith("{\"blocks\":[").contains("\"checkboxes\"").doesNotContain("<!channel>");
        List<String> links = Files.readAllLines(folder.resolve("links.txt"));
        assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link).contains(" https://app.slack.com/block-kit-builder/#%7B%22blocks%22"));
        assertThat(out()).contains("preview: " + folder.resolve("index.html"));
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertThat(lint()).isEqualTo(2);
        assertThat(err()).contains("usage: preflight lint");
    }
}
