package preflight.slack.bolt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import preflight.testing.AppProcess;
import preflight.testing.AppProcessResources;
import preflight.testing.FakeSlackApi;
import preflight.testing.SlackMatchesDatabase;
import preflight.testing.SlackRequests;

/**
 * Fault suite: a Preflight that starts while Slack cannot be reached (auth.test included) still
 * starts, serves pipelines and acks what Slack delivers, and catches Slack up once it is back.
 */
class SlackDownAtStartTest {

    private static final String SCHEMA = "fault_slack_down_at_start";
    private static final String SIGNING_SECRET = "signing-slack-down-at-start";
    @RegisterExtension
    static final AppProcessResources resources = new AppProcessResources(SCHEMA);
    private static final FakeSlackApi slack = resources.slack();

    @Test
    void startsWithSlackDownAndCatchesUpWhenItIsBack() {
        slack.outageOfEveryMethod(FakeSlackApi.Failure.serverError());
        var env = AppProcess.environment(SCHEMA, slack, "xoxb-slack-down-at-start", SIGNING_SECRET);
        var jdbc = AppProcess.jdbc(SCHEMA);
        try (var app = AppProcess.start("slack-down-at-start", env,
                List.of("--preflight.slack.poll-interval=100ms", "--slack.http-timeout=1s",
                        "--preflight.slack.first-backoff=200ms", "--preflight.slack.max-backoff=1s"))
                .awaitReady(Duration.ofSeconds(90))) {
            var requests = new SlackRequests(app.baseUrl(), SIGNING_SECRET, slack);

            assertThat(requests.command("C0DOWN", "U0ALICE", "alice", "start v1.0").status()).isEqualTo(200);
            assertThat(jdbc.sql("SELECT count(*) FROM deployment WHERE release = 'v1.0'").query(Integer.class).single())
                    .isEqualTo(1);

            slack.awaitCalls("chat.postMessage", 1, Duration.ofSeconds(30));
            assertThat(slack.failedCalls("chat.postMessage")).as("posting was tried while Slack was down").isNotEmpty();
            slack.endOutage();
            SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(60));
            assertThat(slack.messages("C0DOWN")).anySatisfy(m -> assertThat(m.text()).contains("v1.0"));
            app.stop();
        }
    }
}
