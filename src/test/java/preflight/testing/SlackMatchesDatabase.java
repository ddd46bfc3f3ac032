package preflight.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one rule, checked: once nothing is pending in the outbox, every Slack message of a release
 * shows exactly what the database holds — the ticked items of its range, and the card's count.
 */
public final class SlackMatchesDatabase {

    private SlackMatchesDatabase() {
    }

    /** Waits until every message of every release is posted and rendered at its wanted revision. */
    public static void awaitNothingPending(JdbcClient jdbc, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending(jdbc) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(pending(jdbc) + " Slack messages still stale after " + timeout + ": "
                        + jdbc.sql("SELECT id || ' ' || kind || ' ts=' || coalesce(ts, '-') || ' rev ' || rendered_rev"
                                + " || '/' || wanted_rev || ' ' || coalesce(last_error, '') FROM message_view"
                                + " WHERE ts IS NULL OR rendered_rev < wanted_rev").query(String.class).list());
            }
            sleep(20);
        }
    }

    public static int pending(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM message_view WHERE ts IS NULL OR rendered_rev < wanted_rev)
                             + (SELECT count(*) FROM message_view_change)""")
                .query(Integer.class).single();
    }

    /** Every posted message of every release equals the database. */
    public static void assertEqual(JdbcClient jdbc, FakeSlackApi slack) {
        var views = jdbc.sql("SELECT deployment_id, kind, channel_id, ts FROM message_view ORDER BY deployment_id, seq")
                .query((rs, n) -> new View(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        assertThat(views).as("message views").isNotEmpty();
        for (long deployment : views.stream().map(View::deployment).distinct().toList()) {
            Set<String> ticked = new HashSet<>(jdbc.sql("SELECT item_id FROM item_tick WHERE deployment_id = ?")
                    .param(deployment).query(String.class).list());
            int total = 0;
            String cardText = null;
            for (View view : views.stream().filter(v -> v.deployment() == deployment).toList()) {
                assertThat(view.ts()).as("posted: %s", view).isNotNull();
                var message = slack.message(view.channel(), view.ts()).orElseThrow(
                        () -> new AssertionError("no Slack message for " + view));
                if (view.kind().equals("CARD")) {
                    cardText = message.text();
                    continue;
                }
                List<String> shown = BlockKit.optionValues(List.of(message));
                total += shown.size();
                var expected = shown.stream().filter(ticked::contains).toList();
                assertThat(BlockKit.selected(message)).as("ticks shown in %s", view)
                        .containsExactlyInAnyOrderElementsOf(expected);
                SlackLimits.assertWithinLimits(message);
            }
            assertThat(cardText).as("card of deployment %s", deployment).contains(": " + ticked.size() + "/" + total);
        }
    }

    private record View(long deployment, String kind, String channel, String ts) {
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
