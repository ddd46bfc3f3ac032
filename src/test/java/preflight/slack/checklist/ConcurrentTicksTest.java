package preflight.slack.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import preflight.testing.BlockKit;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackMatchesDatabase;
import preflight.testing.SlackRequests;

/** Fault suite: fifty people tick fifty different items of one section at the same moment. */
class ConcurrentTicksTest extends SlackAppFixture {

    private static final int PEOPLE = 50;

    @Test
    void fiftySimultaneousTicksOfOneSectionAreAllStoredAndShown() throws Exception {
        requests.command(channel, "U0ALICE", "alice", "start v5.0 fifty-items");
        var thread = awaitThread("v5.0", 1);
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(15));
        var message = thread.getFirst();
        var items = BlockKit.optionValues(List.of(message));
        assertThat(items).hasSizeGreaterThanOrEqualTo(PEOPLE);

        // Everyone clicks on the message as it was first shown: nobody's view includes another's tick.
        var go = new CountDownLatch(1);
        List<Future<SlackRequests.Response>> answers = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < PEOPLE; i++) {
                String item = items.get(i);
                String user = "U0P" + i;
                String name = "person" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return requests.toggleCheckbox(message, item, user, name);
                }));
            }
            go.countDown();
            for (var answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        }

        assertThat(jdbc.sql("SELECT item_id FROM item_tick").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(items.subList(0, PEOPLE));
        assertThat(jdbc.sql("SELECT count(*) FROM deployment_event WHERE type = 'ITEM_TICKED'")
                .query(Integer.class).single()).isEqualTo(PEOPLE);
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(15));
        assertThat(BlockKit.selected(slack.message(channel, message.ts()).orElseThrow()))
                .containsExactlyInAnyOrderElementsOf(items.subList(0, PEOPLE));
        SlackMatchesDatabase.assertEqual(jdbc, slack);
    }
}
