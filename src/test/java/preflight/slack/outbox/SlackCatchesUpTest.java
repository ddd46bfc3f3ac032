package preflight.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackMatchesDatabase;

/**
 * Fault suite: Slack fails for longer than the old give-up rule allowed (12 attempts, here with the
 * backoff shortened to 100 ms doubling up to 400 ms), throttles one channel, and refuses a message
 * for good. Nothing that was acked is lost, one channel's 429 does not hold another back, and a
 * refused message comes back with the next change.
 */
@TestPropertySource(properties = {"preflight.slack.first-backoff=100ms", "preflight.slack.max-backoff=400ms",
        "preflight.reminder-retry=1s"})
class SlackCatchesUpTest extends SlackAppFixture {

    /** The attempts after which the outbox used to park a message for ten years. */
    private static final int OLD_MAX_ATTEMPTS = 12;

    @Test
    void everythingAckedDuringALongOutageReachesSlackAfterwardsWithoutANewClick() throws Exception {
        requests.command(channel, "U0ALICE", "alice", "start v1.0");
        var thread = awaitThread("v1.0", 1);
        var items = BlockKit.optionValues(List.of(thread.getFirst())).subList(0, 3);

        slack.outage(FakeSlackApi.Failure.serverError());
        for (var item : items) {
            assertThat(requests.toggleCheckbox(thread.getFirst(), item, "U0BOB", "bob").status()).isEqualTo(200);
        }
        assertThat(requests.command(channel, "U0ALICE", "alice", "start v2.0").status()).isEqualTo(200);
        awaitLong(() -> slack.failedCalls("chat.postMessage").size() > OLD_MAX_ATTEMPTS
                && slack.failedCalls("chat.update").size() > OLD_MAX_ATTEMPTS, "Slack failing past the old budget");

        var status = requests.command(channel, "U0ALICE", "alice", "status v2.0");
        assertThat(status.body()).contains("waiting for Slack", "internal_error");
        var health = health();
        assertThat(health).contains("\"slack\"", "\"backlog\"", "oldestPendingChange", "internal_error");

        slack.endOutage();
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(30));

        SlackMatchesDatabase.assertEqual(jdbc, slack);
        assertThat(BlockKit.selected(slack.message(channel, thread.getFirst().ts()).orElseThrow()))
                .containsExactlyInAnyOrderElementsOf(items);
        var cards = slack.messages(channel).stream().filter(m -> m.threadTs() == null && m.text().contains("v2.0"))
                .toList();
        assertThat(cards).as("the card posted during the outage, once").hasSize(1);
        assertThat(slack.thread(channel, cards.getFirst().ts())).as("its thread").isNotEmpty();
        assertThat(health()).contains("\"backlog\":0");
    }

    @Test
    void aRateLimitInOneChannelDoesNotHoldBackAnother() {
        String channelA = channel;
        String channelB = channel + "B";
        requests.command(channelA, "U0ALICE", "alice", "start v3.0");
        requests.command(channelB, "U0ALICE", "alice", "start v3.0");
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(20));
        var a = firstChecklistMessage(channelA);
        var b = firstChecklistMessage(channelB);
        int retryAfter = 20;

        slack.failNext("chat.update", channelA, FakeSlackApi.Failure.rateLimited(retryAfter));
        requests.toggleCheckbox(a, BlockKit.optionValues(List.of(a)).getFirst(), "U0BOB", "bob");
        var throttled = slack.awaitCall("chat.update", call -> channelA.equals(call.param("channel"))
                && slack.failedCalls("chat.update").contains(call), Duration.ofSeconds(15));
        requests.toggleCheckbox(b, BlockKit.optionValues(List.of(b)).getFirst(), "U0BOB", "bob");

        var updatedB = slack.awaitCall("chat.update", call -> channelB.equals(call.param("channel"))
                && call.param("ts").equals(b.ts()), Duration.ofSeconds(15));
        assertThat(updatedB.at()).as("B updated while A waits").isBefore(throttled.at().plusSeconds(retryAfter));

        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(retryAfter + 20));
        assertThat(slack.calls("chat.update").stream()
                .filter(call -> channelA.equals(call.param("channel")) && call.at().isAfter(throttled.at())))
                .as("A's updates after the 429").isNotEmpty()
                .allSatisfy(call -> assertThat(call.at()).isAfterOrEqualTo(throttled.at().plusSeconds(retryAfter)));
        SlackMatchesDatabase.assertEqual(jdbc, slack);
    }

    @Test
    void aMessageSlackRefusesForGoodIsShownAndComesBackWithTheNextChange() throws Exception {
        requests.command(channel, "U0ALICE", "alice", "start v4.0");
        var thread = awaitThread("v4.0", 1);
        var items = BlockKit.optionValues(List.of(thread.getFirst()));
        slack.failNext("chat.update", channel, FakeSlackApi.Failure.error("invalid_blocks"));
        slack.failNext("chat.update", channel, FakeSlackApi.Failure.error("invalid_blocks"));

        requests.toggleCheckbox(thread.getFirst(), items.get(0), "U0BOB", "bob");
        awaitLong(() -> jdbc.sql("SELECT count(*) FROM message_view WHERE stopped_at IS NOT NULL")
                .query(Integer.class).single() == 2, "both messages stopped");
        int refusals = slack.failedCalls("chat.update").size();
        assertThat(requests.command(channel, "U0ALICE", "alice", "status").body())
                .contains("Slack refused 2", "invalid_blocks");
        assertThat(health()).contains("\"stopped\":2", "invalid_blocks");
        SlackMatchesDatabase.sleep(1500);
        assertThat(slack.failedCalls("chat.update")).as("not retried without a change").hasSize(refusals);

        requests.toggleCheckbox(thread.getFirst(), items.get(1), "U0BOB", "bob");
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(20));
        SlackMatchesDatabase.assertEqual(jdbc, slack);
    }

    private FakeSlackApi.Message firstChecklistMessage(String channelId) {
        return slack.messages(channelId).stream().filter(m -> m.threadTs() != null).findFirst().orElseThrow();
    }

    private String health() throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static void awaitLong(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            SlackMatchesDatabase.sleep(50);
        }
    }
}
