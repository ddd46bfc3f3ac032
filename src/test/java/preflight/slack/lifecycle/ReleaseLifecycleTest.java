package preflight.slack.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;

import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackLimits;

class ReleaseLifecycleTest extends SlackAppFixture {

    @Autowired
    Scheduler scheduler;

    @BeforeEach
    void noJobsLeftFromOtherTests() throws SchedulerException {
        scheduler.clear();
    }

    @Test
    void shippingSchedulesTheOnCallReminderAtTheEndOfTheMonitoringWindow() {
        requests.command(channel, "U0ALICE", "alice", "start v1.2 watched-for-an-hour");
        var card = awaitCard("v1.2");
        tickEverything();

        requests.clickButton(card, LifecycleActions.SHIP, "U0ALICE", "alice");

        await(() -> "SHIPPED".equals(status()), "shipped");
        long shippedAt = jdbc.sql("SELECT floor(extract(epoch FROM shipped_at) * 1000)::bigint FROM deployment")
                .query(Long.class).single();
        var fireTimes = jdbc.sql("SELECT next_fire_time FROM qrtz_triggers WHERE trigger_group = 'monitoring' ORDER BY 1")
                .query(Long.class).list();
        assertThat(fireTimes).containsExactly(shippedAt + Duration.ofMinutes(15).toMillis(),
                shippedAt + Duration.ofHours(1).toMillis());
        assertThat(events()).containsExactly("STARTED", "ITEM_TICKED", "ITEM_TICKED", "SHIPPED");
        await(() -> text(current(card)).contains("Next on-call check"), "card shows the next check");
        SlackLimits.assertWithinLimits(current(card));
    }

    @Test
    void completingOrRollingBackRemovesThePendingReminders() {
        requests.command(channel, "U0ALICE", "alice", "start v1.2 watched-for-an-hour");
        requests.command(channel, ADMIN, "admin", "shipped v1.2 override testing the reminders");
        assertThat(jdbc.sql("SELECT count(*) FROM qrtz_triggers").query(Integer.class).single()).isEqualTo(2);

        var reply = requests.command(channel, "U0ALICE", "alice", "rollback v1.2 error rate doubled");

        assertThat(reply.json("text")).contains("roll back");
        assertThat(status()).isEqualTo("ROLLED_BACK");
        assertThat(jdbc.sql("SELECT close_reason FROM deployment").query(String.class).single()).isEqualTo("error rate doubled");
        assertThat(jdbc.sql("SELECT count(*) FROM qrtz_triggers").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM qrtz_job_details").query(Integer.class).single()).isZero();
    }

    @Test
    void abortNeedsAReasonAndLeavesNothingScheduled() {
        requests.command(channel, "U0ALICE", "alice", "start v1.2");

        assertThat(requests.command(channel, "U0ALICE", "alice", "abort v1.2").json("text")).contains("reason");
        assertThat(status()).isEqualTo("IN_PROGRESS");
        requests.command(channel, "U0ALICE", "alice", "abort v1.2 found a data migration bug");

        assertThat(status()).isEqualTo("ABORTED");
        assertThat(events()).containsExactly("STARTED", "ABORTED");
        assertThat(jdbc.sql("SELECT count(*) FROM qrtz_triggers").query(Integer.class).single()).isZero();
        assertThat(requests.command(channel, "U0ALICE", "alice", "shipped v1.2").json("text"))
                .contains("No release is active");
    }

    @Test
    void someoneWhoIsNeitherStarterNorManagerCannotShip() {
        requests.command(channel, "U0ALICE", "alice", "start v1.2");
        var card = awaitCard("v1.2");

        requests.clickButton(card, LifecycleActions.SHIP, "U0MALLORY", "mallory");

        var answer = slack.awaitCall("response_url", call -> call.rawBody().contains("Only"), Duration.ofSeconds(5));
        assertThat(answer.rawBody()).contains("U0ALICE", "release managers");
        assertThat(status()).isEqualTo("IN_PROGRESS");
        assertThat(events()).containsExactly("STARTED");
    }

    @Test
    void aReleaseManagerNamedByGroupMayShip() {
        slack.setUserGroup("S0RELEASE", "U0BOB");
        requests.command(channel, ADMIN, "admin", "managers <!subteam^S0RELEASE|@release>");
        requests.command(channel, "U0ALICE", "alice", "start v1.2");

        var reply = requests.command(channel, "U0BOB", "bob", "shipped override hotfix");

        assertThat(reply.json("text")).contains("Marked *v1.2* shipped");
        assertThat(status()).isEqualTo("SHIPPED");
        assertThat(requests.command(channel, "U0CAROL", "carol", "managers <@U0CAROL>").json("text"))
                .contains("Only this channel's release managers or a workspace admin can change this");
    }

    @Test
    void rollingBackFromTheButtonAsksForAReason() {
        requests.command(channel, "U0ALICE", "alice", "start v1.2 watched-for-an-hour");
        requests.command(channel, ADMIN, "admin", "shipped override hotfix");
        var card = awaitCard("v1.2");
        await(() -> text(current(card)).contains("roll back"), "card shows roll back");

        requests.clickButton(current(card), LifecycleActions.ROLL_BACK, "U0ALICE", "alice");
        var modal = slack.awaitCall("views.open", call -> true, Duration.ofSeconds(5)).view();

        var empty = requests.viewSubmission(modal, reason(" "), "U0ALICE");
        assertThat(empty.body()).contains("response_action", "errors");
        assertThat(status()).isEqualTo("SHIPPED");

        var submitted = requests.viewSubmission(modal, reason("checkout errors <!channel>"), "U0ALICE");
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(status()).isEqualTo("ROLLED_BACK");
        await(() -> text(current(card)).contains("checkout errors &lt;!channel&gt;"), "reason on the card, escaped");
        assertThat(text(current(card))).doesNotContain("<!channel>");
    }

    @Test
    void shippingOnNoGoNeedsAnOverrideReasonWhichIsRecordedAndShown() {
        requests.command(channel, "U0ALICE", "alice", "start v1.2 watched-for-an-hour");
        var card = awaitCard("v1.2");

        var refused = requests.command(channel, "U0ALICE", "alice", "shipped v1.2");

        assertThat(refused.json("text")).contains("not ready to ship", "2 items unticked",
                "only this channel's release managers or an admin");
        assertThat(status()).isEqualTo("IN_PROGRESS");
        assertThat(requests.command(channel, "U0ALICE", "alice", "shipped v1.2 override I started it").json("text"))
                .contains("only this channel's release managers or an admin");
        requests.clickButton(card, LifecycleActions.SHIP, "U0ALICE", "alice");
        slack.awaitCall(FakeSlackApi.RESPONSE_URL_METHOD, call -> String.valueOf(call.param("text"))
                .contains("only this channel's release managers or an admin"), Duration.ofSeconds(5));
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(status()).isEqualTo("IN_PROGRESS");
        assertThat(events()).containsExactly("STARTED");

        requests.clickButton(card, LifecycleActions.SHIP, ADMIN, "admin");
        var modal = slack.awaitCall("views.open", call -> true, Duration.ofSeconds(5)).view();
        assertThat(modal.toString()).contains("2 items unticked", "emergency override");
        assertThat(status()).isEqualTo("IN_PROGRESS");

        requests.viewSubmission(modal, reason("hotfix for the outage"), ADMIN);

        assertThat(status()).isEqualTo("SHIPPED");
        assertThat(jdbc.sql("SELECT override_reason FROM deployment").query(String.class).single())
                .isEqualTo("hotfix for the outage");
        assertThat(events()).containsExactly("STARTED", "SHIPPED_WITH_OVERRIDE");
        await(() -> text(current(card)).contains("Emergency override* by <@" + ADMIN + ">")
                        && text(current(card)).contains("hotfix for the outage"), "override and who made it on the card");
        assertThat(jdbc.sql("SELECT actor_id FROM deployment_event WHERE type = 'SHIPPED_WITH_OVERRIDE'")
                .query(String.class).single()).isEqualTo(ADMIN);
    }

    private void tickEverything() {
        var thread = slack.thread(channel, slack.messages(channel).getFirst().ts());
        for (var message : thread) {
            for (String item : BlockKit.optionValues(List.of(message))) {
                requests.toggleCheckbox(slack.message(channel, message.ts()).orElseThrow(), item, "U0ALICE", "alice");
            }
        }
    }

    private FakeSlackApi.Message awaitCard(String release) {
        awaitThread(release, 1);
        return slack.messages(channel).getFirst();
    }

    private FakeSlackApi.Message current(FakeSlackApi.Message message) {
        return slack.message(channel, message.ts()).orElseThrow();
    }

    private String status() {
        return jdbc.sql("SELECT status FROM deployment").query(String.class).single();
    }

    private List<String> events() {
        return jdbc.sql("SELECT type FROM deployment_event ORDER BY id").query(String.class).list();
    }

    static String text(FakeSlackApi.Message message) {
        return message.blocks().toString();
    }

    static Map<String, Map<String, Object>> reason(String text) {
        return Map.of(LifecycleClicks.REASON_BLOCK,
                Map.of(LifecycleClicks.REASON_INPUT, Map.of("type", "plain_text_input", "value", text)));
    }
}
