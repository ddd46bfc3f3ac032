package preflight.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import preflight.testing.AppProcess;
import preflight.testing.AppProcessResources;
import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.SlackMatchesDatabase;
import preflight.testing.SlackRequests;

/**
 * Fault suite: Preflight is killed ({@code kill -9}) after a tick is stored and while the
 * chat.update that would show it hangs. After a restart the stale message is re-rendered: the
 * dead instance's lease ({@code preflight.slack.lease}, 2 s here) expires and the row is due again.
 */
class CrashRecoveryTest {

    private static final String SCHEMA = "fault_crash";
    private static final String SECRET = "crash-test-signing-secret";
    private static final List<String> SETTINGS = List.of("--preflight.slack.lease=2s",
            "--preflight.slack.min-update-interval=300ms", "--preflight.slack.poll-interval=100ms",
            "--slack.http-timeout=60s");

    @RegisterExtension
    static final AppProcessResources resources = new AppProcessResources(SCHEMA);
    private static final FakeSlackApi slack = resources.slack();

    @Test
    void aTickStoredButNotYetShownIsShownAfterAKillAndRestart() {
        var env = AppProcess.environment(SCHEMA, slack, "xoxb-crash-test", SECRET);
        String channel = "C0CRASH";
        FakeSlackApi.Message message;
        String item;
        JdbcClient jdbc = AppProcess.jdbc(SCHEMA);
        try (var first = AppProcess.start("crash-first", env, SETTINGS).awaitReady(Duration.ofSeconds(90))) {
            var requests = new SlackRequests(first.baseUrl(), SECRET, slack);
            assertThat(requests.command(channel, "U0ALICE", "alice", "start v8.0").status()).isEqualTo(200);
            SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(20));
            message = slack.messages(channel).stream().filter(m -> m.threadTs() != null).findFirst().orElseThrow();
            item = BlockKit.optionValues(List.of(message)).getFirst();

            slack.failNext("chat.update", FakeSlackApi.Failure.hang(Duration.ofSeconds(120)));
            assertThat(requests.toggleCheckbox(message, item, "U0BOB", "bob").status()).isEqualTo(200);
            // The tick is stored and the worker is inside the first chat.update that shows it (the card's
            // or the checklist's; the other waits behind it): kill now.
            slack.awaitCalls("chat.update", 1, Duration.ofSeconds(20));
            assertThat(jdbc.sql("SELECT item_id FROM item_tick").query(String.class).list()).containsExactly(item);
            first.kill();
        }
        Instant killedAt = Instant.now();
        assertThat(SlackMatchesDatabase.pending(jdbc)).as("stale after the kill").isPositive();
        assertThat(BlockKit.selected(slack.message(channel, message.ts()).orElseThrow())).isEmpty();
        assertThat(slack.messages(channel).getFirst().text()).contains(": 0/");

        try (var second = AppProcess.start("crash-second", env, SETTINGS).awaitReady(Duration.ofSeconds(90))) {
            SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(30));

            assertThat(BlockKit.selected(slack.message(channel, message.ts()).orElseThrow())).containsExactly(item);
            SlackMatchesDatabase.assertEqual(jdbc, slack);
            assertThat(slack.calls("chat.update")).anySatisfy(call -> {
                assertThat(call.param("ts")).isEqualTo(message.ts());
                assertThat(call.at()).isAfter(killedAt);
            });
            second.stop();
        }
    }
}
