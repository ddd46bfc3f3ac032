package preflight.slack.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import preflight.testing.FakeSlackApi;
import preflight.testing.SlackAppFixture;

class HistorySubcommandTest extends SlackAppFixture {

    @Test
    void historyListsTheChannelsReleasesNewestFirstWithOutcomeShipperTimeToShipAndThread() {
        requests.command(channel, "U0ALICE", "alice", "start v1.0");
        requests.command(channel, "U0ALICE", "alice", "abort v1.0 wrong build");
        requests.command(channel, "U0ALICE", "alice", "start v1.1");
        requests.command(channel, ADMIN, "root", "managers <@U0BOB>");
        requests.command(channel, "U0BOB", "bob", "shipped v1.1 override hotfix");
        requests.command(channel, "U0BOB", "bob", "rollback v1.1 errors");
        requests.command(channel, "U0ALICE", "alice", "start v1.2");
        requests.command(channel + "X", "U0ALICE", "alice", "start v9.9");
        await(() -> jdbc.sql("SELECT count(*) FROM message_view WHERE seq = 0 AND ts IS NULL").query(Integer.class).single() == 0,
                "threads posted");

        String text = requests.command(channel, "U0CAROL", "carol", "history").json("text");

        assertThat(text).contains("Last 3 releases").doesNotContain("v9.9");
        assertThat(text.indexOf("v1.2")).isLessThan(text.indexOf("v1.1"));
        assertThat(text.indexOf("v1.1")).isLessThan(text.indexOf("v1.0"));
        var lines = text.lines().toList();
        assertThat(lines.get(1)).contains("v1.2", "in progress").doesNotContain("shipped by");
        assertThat(lines.get(2)).contains("v1.1", "rolled back", "shipped by bob after",
                "https://" + FakeSlackApi.TEAM_DOMAIN + ".slack.com/archives/" + channel + "/p");
        assertThat(lines.get(3)).contains("v1.0", "aborted").doesNotContain("shipped by");

        assertThat(requests.command(channel, "U0CAROL", "carol", "history 1").json("text"))
                .contains("Last 1 release").contains("v1.2").doesNotContain("v1.1");
    }

    @Test
    void badCountsAreExplainedAndAnEmptyChannelSaysSo() {
        assertThat(requests.command(channel, "U0CAROL", "carol", "history").json("text"))
                .contains("No release has been started in this channel yet");
        assertThat(requests.command(channel, "U0CAROL", "carol", "history lots").json("text"))
                .contains("Usage: `/deploy history [n]`");
        assertThat(requests.command(channel, "U0CAROL", "carol", "history 0").json("text"))
                .contains("1 to 50");
        assertThat(requests.command(channel, "U0CAROL", "carol", "history 500").json("text"))
                .contains("1 to 50");
    }
}
