package preflight.slack.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import preflight.testing.FakeSlackApi;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackMatchesDatabase;

/**
 * A release started in a private channel the bot has not been invited to: Slack refuses the
 * thread, so the person who started it is told by direct message, once, what to do; once the bot
 * is in the channel the thread appears.
 */
class ChannelAccessTest extends SlackAppFixture {

    @Test
    void theStarterIsToldOnceAndTheThreadAppearsOnceTheBotIsInvited() {
        // two refusals, as before and after the invitation's first retry; then the bot is "invited"
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.error("channel_not_found"));
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.error("channel_not_found"));

        requests.command(channel, "U0ALICE", "alice", "start v9.1");
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(30));

        var notices = slack.messages("U0ALICE");
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst().text()).contains("v9.1");
        assertThat(notices.getFirst().blocks().toString())
                .contains("<#" + channel + ">", "/invite @Preflight", "/deploy abort v9.1");
        assertThat(slack.messages(channel).stream().filter(m -> m.threadTs() == null)).as("the card").hasSize(1);
        SlackMatchesDatabase.assertEqual(jdbc, slack);
    }

    @Test
    void otherRefusalsSendNoNotice() {
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.error("internal_error"));

        requests.command(channel, "U0ALICE", "alice", "start v9.2");
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(30));

        assertThat(slack.messages("U0ALICE")).isEmpty();
    }
}
