package preflight.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackMatchesDatabase;

/**
 * Fault suite: Slack throttles (429 with Retry-After), then fails (500), then answers too slowly
 * (past the client's read timeout, {@code slack.http-timeout} = 2 s in tests). Preflight waits as
 * long as it is told, retries, and every message ends equal to the database. The times compared
 * are those the fake recorded for each call: a causality check, not a speed measurement.
 */
class SlackOutageTest extends SlackAppFixture {

    private static final int RETRY_AFTER = 2;

    @Test
    void throttledFailingAndSlowSlackStillEndsEqualToTheDatabase() {
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.rateLimited(RETRY_AFTER));
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.serverError());
        requests.command(channel, "U0ALICE", "alice", "start v7.0");
        await(() -> jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single() == 1, "started");
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(20));
        assertWaitedAfterRateLimit("chat.postMessage");
        var thread = slack.messages(channel).stream().filter(m -> m.threadTs() != null).toList();

        slack.clearCalls();
        slack.failNext("chat.update", FakeSlackApi.Failure.rateLimited(RETRY_AFTER));
        slack.failNext("chat.update", FakeSlackApi.Failure.serverError());
        slack.failNext("chat.update", FakeSlackApi.Failure.serverError());
        slack.failNext("chat.update", FakeSlackApi.Failure.slowResponse(Duration.ofSeconds(4)));
        var message = thread.getFirst();
        var items = BlockKit.optionValues(List.of(message));
        for (int i = 0; i < Math.min(4, items.size()); i++) {
            requests.toggleCheckbox(message, items.get(i), "U0BOB", "bob");
        }

        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(60));
        assertWaitedAfterRateLimit("chat.update");
        assertThat(slack.failedCalls("chat.update")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(slack.calls("chat.update").size()).isGreaterThan(4);
        SlackMatchesDatabase.assertEqual(jdbc, slack);
        assertThat(jdbc.sql("SELECT count(*) FROM message_view WHERE last_error IS NOT NULL OR attempts > 0")
                .query(Integer.class).single()).isZero();
    }

    /** After a 429, no call of that method in that channel until Retry-After has passed. */
    private void assertWaitedAfterRateLimit(String method) {
        var calls = slack.calls();
        var throttled = slack.failedCalls(method).getFirst();
        Instant allowedFrom = throttled.at().plusSeconds(RETRY_AFTER);
        var after = calls.subList(calls.indexOf(throttled) + 1, calls.size()).stream()
                .filter(call -> call.method().equals(method) && throttled.param("channel").equals(call.param("channel")))
                .toList();
        assertThat(after).as("calls after the 429").isNotEmpty();
        assertThat(after).allSatisfy(call -> assertThat(call.at()).as(call.method()).isAfterOrEqualTo(allowedFrom));
    }
}
