package preflight.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import preflight.testing.FakeSlackApi;
import preflight.testing.SlackAppFixture;

/**
 * Pending sign-offs (template "signoff-test": Tech Lead U0TECH, QA Lead group S0QATEAM, Product
 * Owner unassigned). The job's work is run directly; its schedule is Quartz's.
 */
class SignoffNudgeTest extends SlackAppFixture {

    @Autowired
    SignoffNudges nudges;

    @Test
    void approversOfRolesWaitingTooLongAreNudgedOncePerInterval() {
        slack.setUserGroup("S0QATEAM", "U0QA1", "U0QA2");
        requests.command(channel, "U0ALICE", "alice", "start v7.0 signoff-test");
        awaitThread("v7.0", 1);
        startedHoursAgo(3);

        nudges.nudgeDue();
        nudges.nudgeDue();

        for (String approver : new String[] {"U0TECH", "U0QA1", "U0QA2"}) {
            await(() -> nudgesTo(approver) == 1, "a nudge to " + approver);
        }
        assertThat(slack.messages("U0TECH").getFirst().blocks().toString())
                .contains("waiting for your sign-off as *Tech Lead*", "/archives/" + channel + "/");
        assertThat(jdbc.sql("SELECT count(*) FROM deployment_event WHERE type = 'SIGNOFF_NUDGED'")
                .query(Integer.class).single()).isEqualTo(2);

        jdbc.sql("UPDATE signoff_nudge SET nudged_at = now() - interval '5 hours' WHERE role = 'Tech Lead'").update();
        nudges.nudgeDue();

        await(() -> nudgesTo("U0TECH") == 2, "a second nudge after the interval");
        assertThat(nudgesTo("U0QA1")).isEqualTo(1);
    }

    @Test
    void aRoleAlreadySignedOrAReleaseStartedRecentlyIsLeftAlone() {
        requests.command(channel, "U0ALICE", "alice", "start v7.1 signoff-test");
        awaitThread("v7.1", 1);

        nudges.nudgeDue();

        assertThat(jdbc.sql("SELECT count(*) FROM signoff_nudge").query(Integer.class).single()).isZero();

        await(() -> slack.messages(channel).stream().anyMatch(m -> m.blocks().toString().contains("signoff_approve:0")),
                "the sign-off message");
        var signoffMessage = slack.messages(channel).stream()
                .filter(m -> m.blocks().toString().contains("signoff_approve:0")).findFirst().orElseThrow();
        requests.clickButton(signoffMessage, "signoff_approve:0", "U0TECH", "tech");
        await(() -> jdbc.sql("SELECT count(*) FROM signoff_decision").query(Integer.class).single() == 1,
                "Tech Lead approved");
        startedHoursAgo(3);
        nudges.nudgeDue();

        assertThat(jdbc.sql("SELECT role FROM signoff_nudge").query(String.class).list()).containsExactly("QA Lead");
    }

    private void startedHoursAgo(int hours) {
        jdbc.sql("UPDATE deployment SET started_at = now() - make_interval(hours => ?)").param(hours).update();
    }

    private long nudgesTo(String user) {
        return slack.messages(user).stream().map(FakeSlackApi.Message::text)
                .filter(text -> text.contains("waiting for your sign-off")).count();
    }
}
