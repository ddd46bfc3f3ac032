package preflight.slack.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static preflight.testing.BlockKit.descriptions;
import static preflight.testing.BlockKit.selected;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackLimits;

public class TickTest extends SlackAppFixture {

    private List<FakeSlackApi.Message> thread;
    private List<String> items;

    @BeforeEach
    void startRelease() {
        requests.command(channel, "U0ALICE", "alice", "start v1.2");
        thread = awaitThread("v1.2", 1);
        items = BlockKit.optionValues(thread);
    }

    @Test
    void ticksByTwoPeopleAreStoredAndShownWithWhoTickedThem() {
        var first = thread.getFirst();
        requests.toggleCheckbox(first, items.get(0), "U0ALICE", "alice");
        requests.toggleCheckbox(current(first), items.get(1), "U0BOB", "bob");

        assertThat(ticks()).containsExactlyInAnyOrderEntriesOf(Map.of(items.get(0), "alice", items.get(1), "bob"));
        await(() -> descriptions(current(first)).contains("alice") && descriptions(current(first)).contains("bob"),
                "both names rendered");
        assertThat(selected(current(first))).containsExactlyInAnyOrder(items.get(0), items.get(1));
        await(() -> card().text().contains("2/" + items.size()), "progress on the card");
        SlackLimits.assertWithinLimits(current(first));
        SlackLimits.assertWithinLimits(card());
    }

    @Test
    void aClickFromAStaleViewChangesOnlyWhatThatPersonClicked() {
        var seenByBob = thread.getFirst();
        requests.toggleCheckbox(seenByBob, items.get(0), "U0ALICE", "alice");

        requests.toggleCheckbox(seenByBob, items.get(1), "U0BOB", "bob");

        assertThat(ticks()).containsOnlyKeys(items.get(0), items.get(1));
    }

    @Test
    void untickingRemovesTheTickAndTheAttribution() {
        var first = thread.getFirst();
        requests.toggleCheckbox(first, items.get(0), "U0ALICE", "alice");
        await(() -> selected(current(first)).contains(items.get(0)), "tick rendered");

        requests.toggleCheckbox(current(first), items.get(0), "U0BOB", "bob");

        assertThat(ticks()).isEmpty();
        await(() -> selected(current(first)).isEmpty(), "untick rendered");
        assertThat(jdbc.sql("SELECT type || ':' || actor_name FROM deployment_event ORDER BY id").query(String.class).list())
                .containsExactly("STARTED:alice", "ITEM_TICKED:alice", "ITEM_UNTICKED:bob");
    }

    @Test
    void aDoubleClickOrDuplicateDeliveryTicksOnce() {
        var first = thread.getFirst();
        requests.toggleCheckbox(first, items.get(0), "U0ALICE", "alice");
        requests.toggleCheckbox(first, items.get(0), "U0ALICE", "alice");

        assertThat(ticks()).containsOnlyKeys(items.get(0));
        assertThat(jdbc.sql("SELECT count(*) FROM deployment_event WHERE type = 'ITEM_TICKED'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aBurstOfTicksOnOneMessageIsCoalescedIntoFewUpdates() {
        var first = thread.getFirst();
        int burst = Math.min(8, items.size());
        for (int i = 0; i < burst; i++) {
            requests.toggleCheckbox(first, items.get(i), "U0ALICE", "alice");
        }

        await(() -> selected(current(first)).size() == burst, "all ticks rendered");
        assertThat(current(first).updateCount()).isLessThan(burst);
    }

    /** This instance read the release as active on the first click; another instance closed it since. */
    @Test
    void aReleaseClosedElsewhereAfterAClickTakesNoFurtherTicksOrUnticks() {
        var first = thread.getFirst();
        requests.toggleCheckbox(first, items.get(0), "U0ALICE", "alice");
        await(() -> selected(current(first)).contains(items.get(0)), "tick rendered");
        jdbc.sql("UPDATE deployment SET status = 'COMPLETED'").update();

        requests.toggleCheckbox(current(first), items.get(1), "U0BOB", "bob");
        requests.toggleCheckbox(current(first), items.get(0), "U0BOB", "bob");

        assertThat(slack.awaitCall(FakeSlackApi.RESPONSE_URL_METHOD,
                call -> call.param("text") != null && call.param("text").contains("can no longer change"),
                java.time.Duration.ofSeconds(10)).param("text")).contains("v1.2", "completed");
        assertThat(ticks()).containsExactlyEntriesOf(Map.of(items.get(0), "alice"));
        assertThat(jdbc.sql("SELECT type FROM deployment_event ORDER BY id").query(String.class).list())
                .containsExactly("STARTED", "ITEM_TICKED");
    }

    private Map<String, String> ticks() {
        return jdbc.sql("SELECT item_id, ticked_by_name FROM item_tick").query((rs, n) ->
                Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private FakeSlackApi.Message current(FakeSlackApi.Message message) {
        return slack.message(channel, message.ts()).orElseThrow();
    }

    private FakeSlackApi.Message card() {
        return slack.messages(channel).getFirst();
    }



}
