package preflight.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import preflight.testing.GitRemote;
import preflight.testing.Templates;

class GitTemplateSourceTest {

    static final String API = """
            # API release
            ## Before
            - [ ] Migrations reviewed
            - [ ] Release notes written
            """;

    @TempDir
    Path dir;
    private GitRemote remote;
    private TemplateCatalogue catalogue;

    @AfterEach
    void close() {
        if (catalogue != null) {
            catalogue.close();
        }
        if (remote != null) {
            remote.close();
        }
    }

    private TemplateCatalogue catalogue(String sources) {
        catalogue = new TemplateCatalogue(new TemplateSettings(null),
                new GitTemplateSettings(sources, null, null, null), Templates.parser(), Clock.systemUTC());
        return catalogue;
    }

    @Test
    void templatesOfTheBranchFolderAreServedWithTheirCommit() {
        remote = GitRemote.create(dir, "api");
        String commit = remote.push("checklist", "deploy/api.md", API, "README.md", "# not a template");

        catalogue("%s#main:deploy/".formatted(remote.url()));

        assertThat(catalogue.names()).containsExactly("api", "default");
        Template api = catalogue.find("api").orElseThrow();
        assertThat(api.commit()).isEqualTo(commit);
        assertThat(api.origin().file()).isEqualTo("deploy/api.md");
        assertThat(api.origin().link()).isNull();
        assertThat(api.checklist().items()).hasSize(2);
        assertThat(catalogue.sourceStatuses()).singleElement().satisfies(status -> {
            assertThat(status.commit()).isEqualTo(commit);
            assertThat(status.error()).isNull();
            assertThat(status.lastSuccess()).isNotNull();
            assertThat(status.templates()).isEqualTo(1);
        });
    }

    @Test
    void theDefaultBranchIsUsedWhenNoneIsNamed() {
        remote = GitRemote.create(dir, "api");
        remote.push("checklist", "api.md", API);

        catalogue(remote.url());

        assertThat(catalogue.names()).containsExactly("api", "default");
    }

    @Test
    void aPushIsServedAfterTheNextRefresh() {
        remote = GitRemote.create(dir, "api");
        String first = remote.push("checklist", "deploy/api.md", API);
        catalogue(remote.url() + "#main:deploy");

        String second = remote.push("more", "deploy/api.md", API + "- [ ] Dashboards open\n", "deploy/web.md", API);
        assertThat(catalogue.find("api").orElseThrow().commit()).isEqualTo(first);
        catalogue.refresh();

        assertThat(catalogue.names()).containsExactly("api", "default", "web");
        assertThat(catalogue.find("api").orElseThrow().commit()).isEqualTo(second);
        assertThat(catalogue.find("api").orElseThrow().checklist().items()).hasSize(3);
    }

    @Test
    void aBrokenPushKeepsTheLastGoodTemplateAndNamesFileLineAndCommit() {
        remote = GitRemote.create(dir, "api");
        String good = remote.push("checklist", "deploy/api.md", API);
        catalogue(remote.url() + "#main:deploy");

        String broken = remote.push("oops", "deploy/api.md", "---\nprobes: [\n---\n# API\n- [ ] x\n");
        catalogue.refresh();

        assertThat(catalogue.find("api").orElseThrow().commit()).isEqualTo(good);
        assertThat(catalogue.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.template()).isEqualTo("deploy/api.md");
            assertThat(problem.line()).isPositive();
            assertThat(problem.commit()).isEqualTo(broken);
            assertThat(problem.source()).isEqualTo(catalogue.sourceStatuses().getFirst().source());
        });

        String fixed = remote.push("fix", "deploy/api.md", API);
        catalogue.refresh();
        assertThat(catalogue.problems()).isEmpty();
        assertThat(catalogue.find("api").orElseThrow().commit()).isEqualTo(fixed);
    }

    @Test
    void anUnreachableRemoteKeepsServingTheLastGoodTemplates() throws Exception {
        remote = GitRemote.create(dir, "api");
        String good = remote.push("checklist", "api.md", API);
        catalogue(remote.url());

        Files.move(remote.bare(), dir.resolve("gone.git"));
        catalogue.refresh();

        assertThat(catalogue.find("api").orElseThrow().commit()).isEqualTo(good);
        assertThat(catalogue.sourceStatuses()).singleElement().satisfies(status -> {
            assertThat(status.failing()).isTrue();
            assertThat(status.commit()).isEqualTo(good);
            assertThat(status.error()).isNotBlank();
        });

        Files.move(dir.resolve("gone.git"), remote.bare());
        catalogue.refresh();
        assertThat(catalogue.sourceStatuses().getFirst().failing()).isFalse();
    }

    @Test
    void aRemoteUnreachableFromTheStartServesTheOtherTemplates() {
        catalogue("file://" + dir.resolve("nothing-here.git") + "#main");

        assertThat(catalogue.names()).containsExactly("default");
        assertThat(catalogue.sourceStatuses().getFirst().error()).isNotBlank();
        assertThat(catalogue.sourceStatuses().getFirst().lastSuccess()).isNull();
    }

    @Test
    void aNameTwoSourcesDefineIsQualifiedBySource() throws Exception {
        GitRemote api = GitRemote.create(dir.resolve("acme"), "api");
        GitRemote web = GitRemote.create(dir.resolve("acme"), "web");
        api.push("c", "release.md", API, "api-only.md", API);
        web.push("c", "release.md", API.replace("API", "Web"));
        Path folder = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(folder.resolve("folder-only.md"), API);
        try (api; web) {
            catalogue = new TemplateCatalogue(new TemplateSettings(folder),
                    new GitTemplateSettings(api.url() + ", " + web.url(), null, null, null), Templates.parser(),
                    Clock.systemUTC());

            assertThat(catalogue.names()).containsExactly("acme-api/release", "acme-web/release", "api-only", "default",
                    "folder-only");
            assertThat(catalogue.find("acme-web/release").orElseThrow().checklist().title()).isEqualTo("Web release");
            assertThat(catalogue.find("release")).isEmpty();
            assertThat(catalogue.qualifiedNames()).containsEntry("release", java.util.List.of("acme-api/release", "acme-web/release"));
        }
    }

    @Test
    void sourcesAreWrittenUrlBranchPath() {
        assertThat(GitSourceSpec.parse("https://github.com/acme/api.git#main:deploy/"))
                .isEqualTo(new GitSourceSpec("https://github.com/acme/api.git", "main", "deploy"));
        assertThat(GitSourceSpec.parse("https://github.com/acme/api.git:deploy/"))
                .isEqualTo(new GitSourceSpec("https://github.com/acme/api.git", null, "deploy"));
        assertThat(GitSourceSpec.parse("git@gitlab.com:acme/api.git#release"))
                .isEqualTo(new GitSourceSpec("git@gitlab.com:acme/api.git", "release", ""));
        assertThat(GitSourceSpec.parse("file:///srv/git/templates#:checklists"))
                .isEqualTo(new GitSourceSpec("file:///srv/git/templates", null, "checklists"));
        assertThat(GitSourceSpec.parseAll("file:///a.git, https://h/x/b.git#dev")).hasSize(2);
    }

    @Test
    void githubAndGitlabRemotesLinkToTheFileAtTheCommit() {
        assertThat(GitSourceSpec.parse("https://github.com/acme/api.git#main:deploy").webLink("3f2c1a9", "deploy/api.md"))
                .isEqualTo("https://github.com/acme/api/blob/3f2c1a9/deploy/api.md");
        assertThat(GitSourceSpec.parse("git@gitlab.com:acme/api.git").webLink("3f2c1a9", "api.md"))
                .isEqualTo("https://gitlab.com/acme/api/-/blob/3f2c1a9/api.md");
        assertThat(GitSourceSpec.parse("https://x:secret@github.com/acme/api.git").webLink("c", "a.md"))
                .isEqualTo("https://github.com/acme/api/blob/c/a.md");
        assertThat(GitSourceSpec.parse("https://git.internal/acme/api.git").webLink("c", "a.md")).isNull();
        assertThat(GitSourceSpec.parse("https://github.com/acme/api.git").defaultId()).isEqualTo("acme-api");
    }

    @Test
    void credentialsNeverReachWhatIsShown() {
        remote = GitRemote.create(dir, "api");
        String secret = "ghp_s3cr3tT0k3n";
        catalogue = new TemplateCatalogue(new TemplateSettings(null),
                new GitTemplateSettings("https://user:" + secret + "@127.0.0.1:1/acme/api.git", secret, null, null),
                Templates.parser(), Clock.systemUTC());

        TemplateSourceStatus status = catalogue.sourceStatuses().getFirst();
        assertThat(status.location()).isEqualTo("https://127.0.0.1:1/acme/api.git");
        assertThat(status.error()).isNotBlank().doesNotContain(secret);
        assertThat(new GitTemplateSettings("x", secret, null, null).toString()).doesNotContain(secret);
    }
}
