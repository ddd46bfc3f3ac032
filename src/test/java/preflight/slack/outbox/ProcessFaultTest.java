package preflight.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import preflight.testing.AppProcess;
import preflight.testing.AppProcessResources;
import preflight.testing.FakeSlackApi;
import preflight.testing.SlackMatchesDatabase;
import preflight.testing.SlackRequests;

/**
 * Fault suite with Preflight as separate JVMs: a {@code kill -9} right after the ack of sign-off
 * decisions loses none of them, and an instance stopped (SIGTERM) while it holds leases hands its
 * messages over at once, not after the lease (five minutes here) expires.
 */
class ProcessFaultTest {

    private static final String SCHEMA = "fault_process";
    private static final String SECRET = "process-test-signing-secret";
    private static final List<String> SETTINGS = List.of("--preflight.slack.lease=5m",
            "--preflight.slack.min-update-interval=300ms", "--preflight.slack.poll-interval=100ms",
            "--preflight.slack.shutdown-grace=1s", "--slack.http-timeout=60s");
    /** A killed instance cannot give its leases back: they expire, soon here. */
    private static final List<String> KILLED_SETTINGS = List.of("--preflight.slack.lease=2s",
            "--preflight.slack.min-update-interval=300ms", "--preflight.slack.poll-interval=100ms");

    @RegisterExtension
    static final AppProcessResources resources = new AppProcessResources(SCHEMA);
    private static final FakeSlackApi slack = resources.slack();

    @BeforeAll
    static void qaTeam() {
        slack.setUserGroup("S0QATEAM", "U0QA1");
    }

    @Test
    void decisionsAckedJustBeforeAKillAreThereAfterTheRestart() {
        AppProcess.dropSchema(SCHEMA);
        var env = AppProcess.environment(SCHEMA, slack, "xoxb-process-test", SECRET);
        String channel = "C0KILLED";
        var jdbc = AppProcess.jdbc(SCHEMA);
        try (var app = AppProcess.start("kill-first", env, KILLED_SETTINGS).awaitReady(Duration.ofSeconds(90))) {
            var requests = new SlackRequests(app.baseUrl(), SECRET, slack);
            requests.command(channel, "U0ALICE", "alice", "start v1.0 signoff-test");
            SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(30));
            var signoffs = slack.messages(channel).stream()
                    .filter(m -> m.blocks().stream().anyMatch(b -> "so:head".equals(b.get("block_id"))))
                    .findFirst().orElseThrow();
            requests.clickButton(signoffs, "signoff_reject:1", "U0QA1", "qa1");
            slack.awaitCall("views.open", call -> true, Duration.ofSeconds(10));
            var modal = slack.views().getLast();

            var approved = requests.clickButton(signoffs, "signoff_approve:0", "U0TECH", "tech");
            var rejected = requests.viewSubmission(modal, Map.of("reason", Map.of("reason",
                    Map.of("type", "plain_text_input", "value", "QA-123 checkout fails"))), "U0QA1");
            app.kill();
            assertThat(approved.status()).isEqualTo(200);
            assertThat(rejected.status()).isEqualTo(200);
        }

        try (var app = AppProcess.start("kill-second", env, KILLED_SETTINGS).awaitReady(Duration.ofSeconds(90))) {
            assertThat(jdbc.sql("SELECT role || ':' || decision || ':' || decided_by || ':' || coalesce(reason, '')"
                    + " FROM signoff_decision ORDER BY role").query(String.class).list())
                    .containsExactly("QA Lead:REJECTED:U0QA1:QA-123 checkout fails", "Tech Lead:APPROVED:U0TECH:");
            SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(30));
            app.stop();
        }
    }

    @Test
    void lifecycleDecisionsAWithdrawalHealthyAndSnoozeAckedJustBeforeAKillAreThereAfterTheRestart() {
        AppProcess.dropSchema(SCHEMA);
        var env = AppProcess.environment(SCHEMA, slack, "xoxb-process-test", SECRET);
        var settings = new java.util.ArrayList<>(KILLED_SETTINGS);
        settings.add("--preflight.admins=U0ROOT");
        String channel = "C0KILLED2";
        var jdbc = AppProcess.jdbc(SCHEMA);
        try (var app = AppProcess.start("kill-lifecycle", env, settings).awaitReady(Duration.ofSeconds(90))) {
            var requests = new SlackRequests(app.baseUrl(), SECRET, slack);
            requests.command(channel, "U0ALICE", "alice", "start v1.0");
            requests.command(channel, "U0ALICE", "alice", "start v2.0");
            requests.command(channel, "U0ALICE", "alice", "start v3.0 signoff-test");
            SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(30));
            var signoffs = slack.messages(channel).stream()
                    .filter(m -> m.text().contains("v3.0")
                            && m.blocks().stream().anyMatch(b -> "so:head".equals(b.get("block_id"))))
                    .findFirst().orElseThrow();
            requests.clickButton(signoffs, "signoff_approve:0", "U0TECH", "tech");
            // two monitored releases (window 2 s, on-call U0ONCALL): their reminders bring Healthy and Snooze
            requests.command(channel, "U0ALICE", "alice", "start v4.0 monitored");
            requests.command(channel, "U0ALICE", "alice", "start v5.0 monitored");
            requests.command(channel, "U0ROOT", "root", "shipped v4.0 override watched");
            requests.command(channel, "U0ROOT", "root", "shipped v5.0 override watched");
            slack.awaitCall("chat.postMessage", call -> "U0ONCALL".equals(call.param("channel"))
                    && call.param("text") != null && call.param("text").contains("v5.0"), Duration.ofSeconds(30));
            SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(30));
            var dms = slack.messages("U0ONCALL");
            var remindV4 = dms.stream().filter(m -> m.text().contains("v4.0")).findFirst().orElseThrow();
            var remindV5 = dms.stream().filter(m -> m.text().contains("v5.0")).findFirst().orElseThrow();
            var approved = slack.message(channel, signoffs.ts()).orElseThrow();

            var acks = List.of(
                    requests.command(channel, "U0ROOT", "root", "shipped v1.0 override hotfix"),
                    requests.command(channel, "U0ALICE", "alice", "rollback v1.0 errors doubled"),
                    requests.command(channel, "U0ALICE", "alice", "abort v2.0 wrong branch"),
                    requests.clickButton(approved, "signoff_withdraw:0", "U0TECH", "tech"),
                    requests.clickButton(remindV4, "release_complete", "U0ONCALL", "oncall"),
                    requests.clickButton(remindV5, "monitoring_snooze", "U0ONCALL", "oncall"));
            app.kill();
            assertThat(acks).allSatisfy(ack -> assertThat(ack.status()).isEqualTo(200));
        }

        try (var app = AppProcess.start("kill-lifecycle-after", env, settings).awaitReady(Duration.ofSeconds(90))) {
            assertThat(jdbc.sql("SELECT release || ':' || status || ':' || coalesce(close_reason, '') FROM deployment"
                    + " ORDER BY release").query(String.class).list())
                    .containsExactly("v1.0:ROLLED_BACK:errors doubled", "v2.0:ABORTED:wrong branch", "v3.0:IN_PROGRESS:",
                            "v4.0:COMPLETED:", "v5.0:SHIPPED:");
            assertThat(jdbc.sql("SELECT count(*) FROM deployment_event e JOIN deployment d ON d.id = e.deployment_id"
                    + " WHERE d.release = 'v5.0' AND e.type LIKE '%SNOOZE%'").query(Integer.class).single())
                    .as("the snooze is recorded").isEqualTo(1);
            assertThat(jdbc.sql("SELECT override_reason FROM deployment WHERE release = 'v1.0'").query(String.class).single())
                    .isEqualTo("hotfix");
            assertThat(jdbc.sql("SELECT count(*) FROM signoff_decision WHERE decision = 'APPROVED'").query(Integer.class).single())
                    .as("the approval was withdrawn").isZero();
            app.stop();
        }
    }

    @Test
    void aStoppedInstanceHandsItsMessagesOverAtOnce() {
        AppProcess.dropSchema(SCHEMA);
        var env = AppProcess.environment(SCHEMA, slack, "xoxb-process-test", SECRET);
        String channel = "C0HANDOVER";
        var jdbc = AppProcess.jdbc(SCHEMA);
        try (var first = AppProcess.start("handover-first", env, SETTINGS).awaitReady(Duration.ofSeconds(90))) {
            slack.failNext("chat.postMessage", channel, FakeSlackApi.Failure.hang(Duration.ofSeconds(120)));
            new SlackRequests(first.baseUrl(), SECRET, slack).command(channel, "U0ALICE", "alice", "start v2.0");
            slack.awaitCall("chat.postMessage", call -> channel.equals(call.param("channel")), Duration.ofSeconds(20));
            try (var second = AppProcess.start("handover-second", env, SETTINGS).awaitReady(Duration.ofSeconds(90))) {
                assertThat(jdbc.sql("SELECT count(*) FROM message_view WHERE lease_until > now()")
                        .query(Integer.class).single()).as("the first instance holds the card").isEqualTo(1);
                Instant stopped = Instant.now();
                first.stop();

                SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(60));
                var cards = slack.messages(channel).stream().filter(m -> m.threadTs() == null).toList();
                assertThat(cards).hasSize(1);
                assertThat(slack.calls("chat.postMessage").stream()
                        .filter(call -> channel.equals(call.param("channel")) && call.at().isAfter(stopped)))
                        .as("posted by the second instance, long before the 5-minute lease ends").isNotEmpty()
                        .allSatisfy(call -> assertThat(call.at()).isBefore(stopped.plus(Duration.ofMinutes(4))));
                SlackMatchesDatabase.assertEqual(jdbc, slack);
                second.stop();
            }
        }
    }
}
