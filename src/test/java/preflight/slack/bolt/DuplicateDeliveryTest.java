package preflight.slack.bolt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.RawSlackRequests;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackMatchesDatabase;
import preflight.testing.SlackRequests;

/**
 * Fault suite: the same request twice changes state once. A byte-identical request with a
 * signature already seen is a replay (401) unless Slack marks it as its own retry
 * ({@code X-Slack-Retry-Num}), which is acknowledged and not handled again; a request signed
 * afresh with the same content is handled and changes nothing.
 */
class DuplicateDeliveryTest extends SlackAppFixture {

    private FakeSlackApi.Message message;
    private String item;

    @BeforeEach
    void startRelease() {
        requests.command(channel, "U0ALICE", "alice", "start v3.1");
        message = awaitThread("v3.1", 1).getFirst();
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(15));
        item = BlockKit.optionValues(List.of(message)).getFirst();
    }

    @Test
    void aSlackRetryOfTheSameSignedClickIsAcknowledgedAndTicksOnce() {
        String body = RawSlackRequests.tickBody(message, item, "U0BOB", "bob", slack.responseUrl("r1"));
        var headers = requests.signatureHeaders(body, now());

        var first = requests.post(SlackRequests.FORM, body, headers);
        var retryHeaders = new HashMap<>(headers);
        retryHeaders.put("X-Slack-Retry-Num", "1");
        retryHeaders.put("X-Slack-Retry-Reason", "http_timeout");
        var retry = requests.post(SlackRequests.FORM, body, retryHeaders);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertTickedOnce();
    }

    @Test
    void theSameClickSignedAgainChangesNothingMore() {
        String body = RawSlackRequests.tickBody(message, item, "U0BOB", "bob", slack.responseUrl("r1"));

        var first = requests.post(SlackRequests.FORM, body, requests.signatureHeaders(body, now()));
        var again = requests.post(SlackRequests.FORM, body, requests.signatureHeaders(body, now() - 2));

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertTickedOnce();
    }

    @Test
    void aReplayedClickIsRefused() {
        String tick = RawSlackRequests.tickBody(message, item, "U0BOB", "bob", slack.responseUrl("r1"));
        var headers = requests.signatureHeaders(tick, now());
        assertThat(requests.post(SlackRequests.FORM, tick, headers).status()).isEqualTo(200);
        await(() -> !BlockKit.selected(slack.message(channel, message.ts()).orElseThrow()).isEmpty(), "tick shown");
        // Alice unticks it; replaying Bob's captured click must not tick it again.
        var shown = slack.message(channel, message.ts()).orElseThrow();
        requests.toggleCheckbox(shown, item, "U0ALICE", "alice");
        assertThat(ticks()).isEmpty();

        var replay = requests.post(SlackRequests.FORM, tick, headers);

        assertThat(replay.status()).isEqualTo(401);
        assertThat(ticks()).isEmpty();
    }

    @Test
    void aReplayedStartIsRefusedOnceItsReleaseIsGoneAndChangesNothing() {
        String body = RawSlackRequests.commandBody(channel, "U0ALICE", "alice", "start v3.2", slack.responseUrl("r1"));
        var headers = requests.signatureHeaders(body, now());
        assertThat(requests.post(SlackRequests.FORM, body, headers).status()).isEqualTo(200);
        // while the release is active a replay changes nothing anyway: it is told the release exists
        assertThat(requests.post(SlackRequests.FORM, body, headers).json("text")).contains("already");
        requests.command(channel, "U0ALICE", "alice", "abort v3.2 wrong branch");

        var replay = requests.post(SlackRequests.FORM, body, headers);

        assertThat(replay.status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT status FROM deployment WHERE release = 'v3.2'").query(String.class).list())
                .containsExactly("ABORTED");
        assertThat(jdbc.sql("SELECT count(*) FROM slack_request_seen").query(Integer.class).single())
                .as("signatures remembered in the database, for every instance").isPositive();
    }

    @Test
    void requestsThatChangeNothingWriteNothingAndMayBeRepeated() {
        int before = jdbc.sql("SELECT count(*) FROM slack_request_seen").query(Integer.class).single();
        String body = RawSlackRequests.commandBody(channel, "U0ALICE", "alice", "status", slack.responseUrl("r1"));
        var headers = requests.signatureHeaders(body, now());

        assertThat(requests.post(SlackRequests.FORM, body, headers).status()).isEqualTo(200);
        assertThat(requests.post(SlackRequests.FORM, body, headers).status()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT count(*) FROM slack_request_seen").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aRequestStampedMoreThanFiveMinutesAheadOrBehindIsRefusedAndChangesNothing() {
        for (long skew : new long[] {6 * 60, 60 * 60, -6 * 60}) {
            String body = RawSlackRequests.commandBody(channel, "U0ALICE", "alice", "start v3.3", slack.responseUrl("r" + skew));

            var refused = requests.post(SlackRequests.FORM, body, requests.signatureHeaders(body, now() + skew));

            assertThat(refused.status()).as("stamped %d s away", skew).isEqualTo(401);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM deployment WHERE release = 'v3.3'").query(Integer.class).single()).isZero();
        var withinWindow = RawSlackRequests.commandBody(channel, "U0ALICE", "alice", "start v3.3", slack.responseUrl("ok"));
        assertThat(requests.post(SlackRequests.FORM, withinWindow, requests.signatureHeaders(withinWindow, now() + 4 * 60))
                .status()).isEqualTo(200);
    }

    @Test
    void aReplayRecordLastsUntilItsRequestsOwnTimestampLeavesTheWindow() {
        String body = RawSlackRequests.commandBody(channel, "U0ALICE", "alice", "start v3.4", slack.responseUrl("r1"));
        long stamped = now() + 4 * 60;

        requests.post(SlackRequests.FORM, body, requests.signatureHeaders(body, stamped));

        long expires = jdbc.sql("SELECT extract(epoch FROM expires_at)::bigint FROM slack_request_seen WHERE signature = ?")
                .param(requests.signatureHeaders(body, stamped).get("X-Slack-Signature")).query(Long.class).single();
        assertThat(expires).as("kept past the request's own window, not the time it arrived")
                .isGreaterThanOrEqualTo(stamped + SlackEventsServlet.MAX_SKEW.toSeconds());
    }

    private void assertTickedOnce() {
        assertThat(ticks()).containsExactly(item);
        assertThat(jdbc.sql("SELECT count(*) FROM deployment_event WHERE type LIKE 'ITEM_%'")
                .query(Integer.class).single()).isEqualTo(1);
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(15));
        SlackMatchesDatabase.assertEqual(jdbc, slack);
    }

    private List<String> ticks() {
        return jdbc.sql("SELECT item_id FROM item_tick").query(String.class).list();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
