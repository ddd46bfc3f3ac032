package preflight.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import preflight.testing.BlockKit;
import preflight.testing.SlackAppFixture;

/** help, templates, status, list: answers only the asker sees, computed from the database. */
class InformationCommandsTest extends SlackAppFixture {

    @Test
    void helpListsEverySubcommand() {
        var text = requests.command(channel, "U0ALICE", "alice", "help").json("text");

        assertThat(text).contains("/deploy start <version>", "/deploy status", "/deploy templates", "/deploy list",
                "/deploy shipped", "/deploy abort", "/deploy rollback", "/deploy managers", "/deploy oncall");
    }

    @Test
    void templatesListsTheCatalogueWithItemCounts() {
        var text = requests.command(channel, "U0ALICE", "alice", "templates").json("text");

        int items = templates.find("default").orElseThrow().checklist().items().size();
        assertThat(text).contains("`default`", items + " items", "`monitored`");
    }

    @Test
    void statusAndListSummariseTheActiveReleases() {
        assertThat(requests.command(channel, "U0ALICE", "alice", "status").json("text")).contains("No release");
        requests.command(channel, "U0ALICE", "alice", "start v1.2");
        requests.command(channel, "U0ALICE", "alice", "start v2.0 default staging");
        var thread = awaitThread("v1.2", 1);
        requests.toggleCheckbox(thread.getFirst(), BlockKit.optionValues(thread).getFirst(), "U0BOB", "bob");

        var status = requests.command(channel, "U0ALICE", "alice", "status v1.2").json("text");
        var all = requests.command(channel, "U0ALICE", "alice", "status").json("text");
        var list = requests.command(channel, "U0ALICE", "alice", "list").json("text");

        int total = templates.find("default").orElseThrow().checklist().items().size();
        assertThat(status).contains("*v1.2*", "production", "1/" + total + " items").doesNotContain("v2.0");
        assertThat(all).contains("v1.2", "v2.0", "staging");
        assertThat(list).contains("v1.2", "v2.0", "in progress");
    }
}
