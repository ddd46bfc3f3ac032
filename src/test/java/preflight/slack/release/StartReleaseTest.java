package preflight.slack.release;

import static org.assertj.core.api.Assertions.assertThat;
import static preflight.testing.BlockKit.optionValues;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import preflight.slack.checklist.ChecklistLayout;
import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackLimits;

public class StartReleaseTest extends SlackAppFixture {

    @Test
    void startPostsTheCardAndTheChecklistInItsThread() {
        var response = requests.command(channel, "U0ALICE", "alice", "start v1.2");

        assertThat(response.status()).isEqualTo(200);
        var thread = awaitThread("v1.2", expectedChecklistMessages());
        var card = slack.messages(channel).getFirst();
        assertThat(card.threadTs()).isNull();
        assertThat(card.text()).contains("v1.2", "production");
        assertThat(thread).allSatisfy(message -> assertThat(message.threadTs()).isEqualTo(card.ts()));
        assertThat(optionValues(thread)).hasSize(itemCount("default"));
        assertThat(jdbc.sql("SELECT ts FROM message_view WHERE seq = 0").query(String.class).single()).isEqualTo(card.ts());
        assertThat(jdbc.sql("SELECT type FROM deployment_event").query(String.class).list()).containsExactly("STARTED");
        slack.messages(channel).forEach(SlackLimits::assertWithinLimits);
    }

    @Test
    void templateAndEnvironmentCanBeNamed() {
        requests.command(channel, "U0ALICE", "alice", "start v2.0.0-rc1 default staging");
        requests.command(channel, "U0ALICE", "alice", "start v2.0.0-rc1 staging");

        await(() -> jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single() == 1, "one deployment");
        assertThat(jdbc.sql("SELECT release || '/' || environment || '/' || template_name FROM deployment")
                .query(String.class).list()).containsExactly("v2.0.0-rc1/staging/default");
    }

    @Test
    void aSecondStartOfTheSameReleaseLinksToTheFirstThread() {
        requests.command(channel, "U0ALICE", "alice", "start v1.2");
        awaitThread("v1.2", expectedChecklistMessages() + 1); // and the sign-off message
        var card = slack.messages(channel).getFirst();
        slack.clearCalls();

        var second = requests.command(channel, "U0BOB", "bob", "start v1.2");

        assertThat(second.json("text")).contains("already", "/p" + card.ts().replace(".", ""));
        assertThat(jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single()).isEqualTo(1);
        requests.command(channel, "U0BOB", "bob", "start v1.3");
        awaitThread("v1.3", 1);
        assertThat(slack.calls("chat.postMessage")).noneMatch(call -> call.param("text").contains("v1.2"));
    }

    @Test
    void theSameReleaseMayRunInAnotherEnvironmentOrChannel() {
        requests.command(channel, "U0ALICE", "alice", "start v1.2");
        requests.command(channel, "U0ALICE", "alice", "start v1.2 default staging");
        requests.command("C0OTHER", "U0ALICE", "alice", "start v1.2");

        assertThat(jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single()).isEqualTo(3);
    }


    private int expectedChecklistMessages() {
        return ChecklistLayout.plan(templates.find("default").orElseThrow().checklist()).size();
    }

    private int itemCount(String template) {
        return templates.find(template).orElseThrow().checklist().items().size();
    }
}
