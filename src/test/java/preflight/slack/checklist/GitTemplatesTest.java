package preflight.slack.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import preflight.testing.BlockKit;
import preflight.testing.GitRemote;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackLimits;

/**
 * Releases started from a template in a Git repository (a bare {@code file://} repository made here): the release
 * records the commit, keeps its snapshot whatever is pushed later, and the bot keeps serving through broken pushes
 * and an unreachable remote.
 */
@TestPropertySource(properties = {
        "preflight.templates-git-refresh=1h", // refreshed by the test, with /deploy templates refresh
        "management.endpoint.health.show-details=always",
})
class GitTemplatesTest extends SlackAppFixture {

    private static final String API = """
            # API release
            ## Before
            - [ ] Migrations reviewed
            - [ ] Release notes written
            """;
    private static final Path dir = temporaryDirectory();
    private static final GitRemote remote = GitRemote.create(dir, "api");
    private static final String first = remote.push("checklist", "deploy/api.md", API);

    @DynamicPropertySource
    static void gitSource(DynamicPropertyRegistry registry) {
        registry.add("preflight.templates-git", () -> remote.url() + "#main:deploy");
    }

    @AfterAll
    static void closeRemote() {
        remote.close();
    }

    @Test
    void aReleaseRecordsItsCommitAndKeepsItsSnapshotWhileLaterPushesServeNewReleases() throws Exception {
        requests.command(channel, "U0ALICE", "alice", "start v1 api");
        var thread = awaitThread("v1", 1);
        assertThat(commitOf("v1")).isEqualTo(first);
        var card = slack.messages(channel).getFirst();
        assertThat(card.blocks().toString()).contains("api.md @ " + first.substring(0, 7));
        assertThat(BlockKit.optionValues(thread)).hasSize(2);

        String second = remote.push("more", "deploy/api.md", API + "- [ ] Dashboards open\n");
        var refreshed = requests.command(channel, ADMIN, "admin", "templates refresh");
        assertThat(refreshed.json("text")).contains(second.substring(0, 7));

        requests.command(channel, "U0ALICE", "alice", "start v2 api");
        var secondThread = awaitThread("v2", 1);
        assertThat(commitOf("v2")).isEqualTo(second);
        assertThat(BlockKit.optionValues(secondThread)).hasSize(3);
        assertThat(commitOf("v1")).isEqualTo(first);
        assertThat(jdbc.sql("SELECT template_source FROM deployment WHERE release = 'v1'").query(String.class).single())
                .isEqualTo(API);

        // a broken push: the last good version stays, and /deploy templates says which file, line and commit
        String broken = remote.push("oops", "deploy/api.md", "---\nprobes: [\n---\n# API\n- [ ] x\n");
        requests.command(channel, ADMIN, "admin", "templates refresh");
        var listed = requests.command(channel, "U0ALICE", "alice", "templates").json("text");
        assertThat(listed).contains("`api`", "`deploy/api.md` line", broken.substring(0, 7), "last good version");
        requests.command(channel, "U0ALICE", "alice", "start v3 api");
        awaitThread("v3", 1);
        assertThat(commitOf("v3")).isEqualTo(second);

        // the remote goes away: the templates stay, /deploy templates and the health details say so
        Files.move(remote.bare(), dir.resolve("moved.git"));
        try {
            requests.command(channel, ADMIN, "admin", "templates refresh");
            assertThat(requests.command(channel, "U0ALICE", "alice", "templates").json("text"))
                    .contains("cannot be fetched", "serving commit `" + broken.substring(0, 7), "`api` — API release");
            String health = get("/actuator/health");
            assertThat(health).contains("\"templates\"", "lastError", broken);
            requests.command(channel, "U0ALICE", "alice", "start v4 api");
            awaitThread("v4", 1);
            assertThat(commitOf("v4")).isEqualTo(second);
        } finally {
            Files.move(dir.resolve("moved.git"), remote.bare());
        }
        slack.messages(channel).forEach(SlackLimits::assertWithinLimits);
    }

    @Test
    void managersOfTheChannelRefreshWhenItHasManagers() {
        var beforeManagers = requests.command(channel, "U0ALICE", "alice", "templates refresh");
        assertThat(beforeManagers.json("text")).contains("Only a workspace admin can change this");
        requests.command(channel, ADMIN, "root", "managers <@U0ALICE|alice>");

        var refused = requests.command(channel, "U0BOB", "bob", "templates refresh");

        assertThat(refused.json("text")).contains("Only this channel's release managers");
        assertThat(requests.command(channel, "U0ALICE", "alice", "templates refresh").json("text"))
                .contains("Templates fetched");
    }

    private String commitOf(String release) {
        return jdbc.sql("SELECT template_commit FROM deployment WHERE channel_id = ? AND release = ?")
                .params(channel, release).query(String.class).single();
    }

    private String get(String path) throws IOException, InterruptedException {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path path = Files.createTempDirectory("preflight-git-templates-test");
            path.toFile().deleteOnExit();
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
