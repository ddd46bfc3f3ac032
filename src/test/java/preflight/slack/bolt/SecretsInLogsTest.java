package preflight.slack.bolt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import preflight.testing.AppProcess;
import preflight.testing.AppProcessResources;
import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.RawSlackRequests;
import preflight.testing.SlackMatchesDatabase;
import preflight.testing.SlackRequests;

/**
 * Fault suite: the bot token, the signing secret and the database password never appear in
 * what Preflight prints — at start, while handling commands and clicks, when Slack fails, when
 * requests are refused, at shutdown, and when the database refuses the password. The app runs
 * as a separate process (with DEBUG logging for its own and the Slack SDK's packages) and its
 * whole output is searched for each secret.
 */
class SecretsInLogsTest {

    private static final String SCHEMA = "fault_secrets";
    private static final String BOT_TOKEN = "xoxb-" + unique();
    private static final String SIGNING_SECRET = "signing-" + unique();
    private static final List<String> SETTINGS = List.of("--preflight.slack.min-update-interval=300ms",
            "--preflight.slack.poll-interval=100ms", "--slack.http-timeout=1s",
            "--logging.level.preflight=DEBUG", "--logging.level.com.slack.api=DEBUG");

    @RegisterExtension
    static final AppProcessResources resources = new AppProcessResources(SCHEMA);
    private static final FakeSlackApi slack = resources.slack();

    @Test
    void secretsNeverAppearInTheLogAcrossStartCommandsErrorsAndShutdown() {
        var env = AppProcess.environment(SCHEMA, slack, BOT_TOKEN, SIGNING_SECRET);
        var jdbc = AppProcess.jdbc(SCHEMA);
        String output;
        try (var app = AppProcess.start("secrets", env, SETTINGS).awaitReady(Duration.ofSeconds(90))) {
            var requests = new SlackRequests(app.baseUrl(), SIGNING_SECRET, slack);
            var forged = new SlackRequests(app.baseUrl(), "not-the-secret", slack);
            String channel = "C0SECRETS";

            slack.failNext("chat.postMessage", FakeSlackApi.Failure.rateLimited(1));
            slack.failNext("chat.postMessage", FakeSlackApi.Failure.error("invalid_auth"));
            requests.command(channel, "U0ALICE", "alice", "start v1.0");
            requests.command(channel, "U0ALICE", "alice", "start v1.0 no-such-template");
            requests.command(channel, "U0ALICE", "alice", "help");
            assertThat(forged.command(channel, "U0EVE", "eve", "start v6.6").status()).isEqualTo(401);
            SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(30));

            var message = slack.messages(channel).stream().filter(m -> m.threadTs() != null).findFirst().orElseThrow();
            slack.failNext("chat.update", FakeSlackApi.Failure.serverError());
            slack.failNext("chat.update", FakeSlackApi.Failure.slowResponse(Duration.ofSeconds(2)));
            String item = BlockKit.optionValues(List.of(message)).getFirst();
            String tick = RawSlackRequests.tickBody(message, item, "U0BOB", "bob", slack.responseUrl("s1"));
            var headers = requests.signatureHeaders(tick, System.currentTimeMillis() / 1000);
            assertThat(requests.post(SlackRequests.FORM, tick, headers).status()).isEqualTo(200);
            assertThat(requests.post(SlackRequests.FORM, tick, headers).status()).as("replay").isEqualTo(401);
            String malformed = "payload=%7B";
            assertThat(requests.post(SlackRequests.FORM, malformed,
                    requests.signatureHeaders(malformed, System.currentTimeMillis() / 1000)).status()).isEqualTo(400);
            SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(30));
            app.stop();
            output = app.output();
        }

        assertThat(output).contains("Started PreflightApplication", "Slack asked us to wait", "Refused a replayed request");
        assertNoSecret(output, BOT_TOKEN, SIGNING_SECRET);
    }

    @Test
    void aRefusedDatabasePasswordIsNotPrinted() {
        String password = "db-password-" + unique();
        Map<String, String> env = new HashMap<>(AppProcess.environment(SCHEMA, slack, BOT_TOKEN, SIGNING_SECRET));
        env.put("SPRING_DATASOURCE_PASSWORD", password);
        String output;
        try (var app = AppProcess.start("secrets-db-password", env, SETTINGS)) {
            // Where PostgreSQL checks passwords the app stops with an explanation; where it trusts
            // local connections it starts: either way, its output is searched.
            try {
                app.awaitReady(Duration.ofSeconds(90));
                app.stop();
            } catch (AssertionError exited) {
                assertThat(exited.getMessage()).contains("exited");
            }
            output = app.output();
        }
        assertNoSecret(output, password, BOT_TOKEN, SIGNING_SECRET);
    }

    private static void assertNoSecret(String output, String... secrets) {
        for (String secret : secrets) {
            assertThat(output).as("log output").doesNotContain(secret);
            // and no recognisable part of it (the random half alone)
            assertThat(output).as("log output").doesNotContain(secret.substring(secret.length() - 16));
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
