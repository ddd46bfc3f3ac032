package preflight.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import preflight.testing.FakeSlackApi;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackMatchesDatabase;

/**
 * Fault suite: Slack posts a message but its answer comes after the client's read timeout
 * ({@code slack.http-timeout} = 2 s in tests), or not at all. Preflight must not post that message
 * a second time: it finds the one Slack made by the outbox id in the message's metadata and keeps
 * it. Where Slack will not say (no history scope), it posts again rather than lose the message.
 */
class UnansweredPostTest extends SlackAppFixture {

    private static final Duration PAST_THE_TIMEOUT = Duration.ofSeconds(4);

    @Test
    void aPostSlackMadeButAnsweredTooLateIsKeptNotRepeated() {
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.slowResponse(PAST_THE_TIMEOUT)); // the card
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.slowResponse(PAST_THE_TIMEOUT)); // first in thread

        requests.command(channel, "U0ALICE", "alice", "start v8.0");
        await(() -> jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single() == 1, "started");
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(60));

        int views = jdbc.sql("SELECT count(*) FROM message_view").query(Integer.class).single();
        var posted = slack.messages(channel);
        assertThat(posted).as("one Slack message per message of the thread").hasSize(views);
        assertThat(posted.stream().filter(m -> m.threadTs() == null)).as("cards").hasSize(1);
        assertThat(jdbc.sql("SELECT ts FROM message_view WHERE seq = 0").query(String.class).single())
                .isEqualTo(posted.stream().filter(m -> m.threadTs() == null).findFirst().orElseThrow().ts());
        assertThat(slack.calls("conversations.history")).as("looked for the card").isNotEmpty();
        assertThat(slack.calls("conversations.replies")).as("looked for the thread message").isNotEmpty();
        SlackMatchesDatabase.assertEqual(jdbc, slack);
    }

    @Test
    void aPostSlackRefusedIsMadeOnceAfterLooking() {
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.serverError()); // not posted, but who can tell

        requests.command(channel, "U0ALICE", "alice", "start v8.1");
        await(() -> jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single() == 1, "started");
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(60));

        assertThat(slack.calls("conversations.history")).as("looked for the card first").hasSize(1);
        assertThat(slack.messages(channel).stream().filter(m -> m.threadTs() == null)).as("cards").hasSize(1);
        SlackMatchesDatabase.assertEqual(jdbc, slack);
    }

    @Test
    void aMessageOfAnotherAppCarryingOurMetadataIsNeverTakenForOurs() {
        long next = jdbc.sql("SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM message_view_id_seq")
                .query(Long.class).single();
        var forged = new java.util.ArrayList<String>();
        for (long id = next; id < next + 20; id++) {
            forged.add(slack.postAsAnotherApp(channel, "v8.3 card?", "{\"event_type\":\"preflight_message\","
                    + "\"event_payload\":{\"view_id\":" + id + "}}"));
        }
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.serverError()); // not posted: a lookup follows

        requests.command(channel, "U0ALICE", "alice", "start v8.3");
        await(() -> jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single() == 1, "started");
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(60));

        assertThat(slack.calls("conversations.history")).as("looked for the card").isNotEmpty();
        String thread = jdbc.sql("SELECT ts FROM message_view WHERE seq = 0").query(String.class).single();
        assertThat(forged).doesNotContain(thread);
        assertThat(jdbc.sql("SELECT ts FROM message_view").query(String.class).list()).doesNotContainAnyElementsOf(forged);
    }

    @Test
    void whenSlackWillNotSayTheMessageIsPostedAgainRatherThanLost() {
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.slowResponse(PAST_THE_TIMEOUT));
        slack.failNext("conversations.history", FakeSlackApi.Failure.error("missing_scope"));

        requests.command(channel, "U0ALICE", "alice", "start v8.2");
        await(() -> jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single() == 1, "started");
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(60));

        assertThat(slack.messages(channel).stream().filter(m -> m.threadTs() == null))
                .as("the unanswered card and the one posted again").hasSize(2);
        SlackMatchesDatabase.assertEqual(jdbc, slack);
    }
}
