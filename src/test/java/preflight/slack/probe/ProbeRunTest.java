package preflight.slack.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import preflight.deployment.ReleaseService;
import preflight.probe.ProbeRuns;
import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.ProbeTargets;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackLimits;

/**
 * {@code /deploy probe} and "Run probes" end to end: signed requests into the running app, probes
 * against a real local service, results in PostgreSQL, messages in the fake Slack.
 */
class ProbeRunTest extends SlackAppFixture {

    private static final String TEMPLATE = "probe-run-test";
    private static ProbeTargets targets;

    @Autowired
    private ReleaseService deployments;

    @Autowired
    private ProbeRuns probeRuns;

    private List<String> items;

    @BeforeAll
    static void startTargets() {
        targets = new ProbeTargets();
        targets.writeTemplate(TEMPLATE);
    }

    @AfterAll
    static void stopTargets() {
        targets.close();
    }

    @BeforeEach
    void startRelease() {
        targets.healthStatus.set(200);
        targets.unblock();
        requests.command(channel, "U0ALICE", "alice", "start v1.2 " + TEMPLATE);
        items = BlockKit.optionValues(awaitThread("v1.2", 1));
        assertThat(items).hasSize(4);
    }

    @AfterEach
    void letRunsFinish() {
        targets.unblock();
        await(() -> count("SELECT count(*) FROM probe_run WHERE status = 'RUNNING'") == 0, "runs to finish");
    }

    @Test
    void aRunPostsItsResultsInTheThreadAndTicksWhatThePassingProbesProve() {
        var response = requests.command(channel, "U0ALICE", "alice", "probe");

        assertThat(response.json("text")).contains("Running 3 probes", "v1.2");
        awaitRunFinished(1);
        assertThat(results(1)).containsExactly("health:PASS", "hsts:FAIL", "port:PASS");
        assertThat(jdbc.sql("SELECT detail FROM probe_result WHERE probe_id = 'hsts'").query(String.class).single())
                .contains("missing header Strict-Transport-Security");
        assertThat(jdbc.sql("SELECT triggered_by || ':' || passed || ':' || failed FROM probe_run")
                .query(String.class).single()).isEqualTo("U0ALICE:2:1");
        assertThat(ticks()).containsExactlyInAnyOrderEntriesOf(Map.of(
                items.get(0), "probe:health/health/PROBE",
                items.get(2), "probe:port/port/PROBE"));
        assertThat(audit()).contains("PROBE_RUN_STARTED:alice:3 probes", "PROBE_RUN_FINISHED:alice:2 passed, 1 failed")
                .anyMatch(event -> event.startsWith("ITEM_TICKED:health:probe health passed: 200 OK"))
                .anyMatch(event -> event.startsWith("ITEM_TICKED:port:probe port passed"));

        var message = awaitRunMessage(1, "2 of 3 passed, 1 failed");
        assertThat(blockText(message)).contains("✅ *health*", "❌ *hsts*", "✅ *port*",
                "missing header Strict-Transport-Security", "ticked: Health check endpoint returns 200",
                "started by <@U0ALICE>");
        var checklist = checklistMessage();
        await(() -> BlockKit.descriptions(current(checklist)).contains("probe health")
                && BlockKit.descriptions(current(checklist)).contains("probe port"), "probe attribution rendered");
        assertThat(BlockKit.selected(current(checklist))).containsExactlyInAnyOrder(items.get(0), items.get(2));
        await(() -> blockText(card()).contains("2/3 passed"), "run summary on the card");
        assertThat(blockText(card())).contains("health ✅", "hsts ❌", "port ✅", "^{ago}|");
        slack.messages(channel).forEach(SlackLimits::assertWithinLimits);
    }

    @Test
    void aLaterFailingRunUnticksWhatTheProbeHadTickedAndSaysSo() {
        requests.command(channel, "U0ALICE", "alice", "probe v1.2");
        awaitRunFinished(1);
        assertThat(ticks()).containsKey(items.get(0));
        targets.healthStatus.set(503);

        requests.command(channel, "U0BOB", "bob", "probe v1.2");

        awaitRunFinished(2);
        assertThat(results(2)).containsExactly("health:FAIL", "hsts:FAIL", "port:PASS");
        assertThat(ticks()).containsOnlyKeys(items.get(2));
        assertThat(audit()).anyMatch(event -> event.startsWith(
                "ITEM_UNTICKED:health:probe health failed: expected status 200, got 503"));
        var message = awaitRunMessage(2, "1 of 3 passed, 2 failed");
        assertThat(blockText(message)).contains("❌ *health*", "503", "unticked: Health check endpoint returns 200",
                "started by <@U0BOB>");
        var checklist = checklistMessage();
        await(() -> !BlockKit.selected(current(checklist)).contains(items.get(0)), "untick rendered");
        assertThat(BlockKit.descriptions(current(checklist))).doesNotContain("probe health");
        assertThat(slack.thread(channel, card().ts())).filteredOn(m -> m.text().startsWith("Probe run #")).hasSize(2);
        slack.messages(channel).forEach(SlackLimits::assertWithinLimits);
    }

    @Test
    void aPersonsTickIsNeitherUntickedNorTakenOverByAProbe() {
        var checklist = checklistMessage();
        requests.toggleCheckbox(checklist, items.get(0), "U0ALICE", "alice");
        requests.toggleCheckbox(checklist, items.get(2), "U0ALICE", "alice");
        targets.healthStatus.set(503);

        requests.command(channel, "U0BOB", "bob", "probe");

        awaitRunFinished(1);
        assertThat(results(1)).containsExactly("health:FAIL", "hsts:FAIL", "port:PASS");
        assertThat(ticks()).containsExactlyInAnyOrderEntriesOf(Map.of(
                items.get(0), "U0ALICE/alice/USER",
                items.get(2), "U0ALICE/alice/USER"));
        assertThat(jdbc.sql("SELECT probe_id FROM probe_result WHERE cardinality(kept) > 0 ORDER BY probe_id")
                .query(String.class).list()).containsExactly("health", "port");
        assertThat(audit()).noneMatch(event -> event.startsWith("ITEM_") && event.contains("probe"));
        assertThat(blockText(awaitRunMessage(1, "1 of 3 passed"))).contains("left as ticked by <@U0ALICE>")
                .doesNotContain("unticked:");
    }

    @Test
    void aFailingProbeLeavesAnotherProbesTickAlone() {
        long deployment = releaseId();
        deployments.applyProbeResult(deployment, "smoke", List.of(items.get(0)), true, "ok");
        targets.healthStatus.set(503);

        requests.command(channel, "U0ALICE", "alice", "probe v1.2 health");

        awaitRunFinished(1);
        assertThat(ticks()).containsEntry(items.get(0), "probe:smoke/smoke/PROBE");
        assertThat(blockText(awaitRunMessage(1, "0 of 1 passed"))).contains("left as ticked by probe smoke");
    }

    @Test
    void theVerdictIsTheLatestFinishedFullRun() {
        long deployment = releaseId();
        assertThat(probeRuns.latest(deployment)).isEmpty();

        requests.command(channel, "U0ALICE", "alice", "probe");
        awaitRunFinished(1);
        requests.command(channel, "U0ALICE", "alice", "probe health");
        awaitRunFinished(2);

        var latest = probeRuns.latest(deployment).orElseThrow();
        assertThat(latest.number()).isEqualTo(1);
        assertThat(latest.passed()).isFalse();
        assertThat(List.of(latest.passedCount(), latest.failedCount(), latest.probeCount())).containsExactly(2, 1, 3);
    }

    @Test
    void aRunLostWithItsInstanceDoesNotBlockTheNextOne() {
        long deployment = releaseId();
        jdbc.sql("""
                INSERT INTO probe_run (deployment_id, number, probe_count, triggered_by, triggered_by_name, started_at,
                                       expected_by)
                VALUES (?, 1, 3, 'U0ALICE', 'alice', now() - interval '1 hour', now() - interval '50 minutes')""")
                .param(deployment).update();

        var response = requests.command(channel, "U0BOB", "bob", "probe");

        assertThat(response.json("text")).contains("run #2");
        awaitRunFinished(2);
        assertThat(jdbc.sql("SELECT status FROM probe_run WHERE number = 1").query(String.class).single())
                .isEqualTo("INTERRUPTED");
        assertThat(audit()).contains("PROBE_RUN_FINISHED:alice:0 passed, 0 failed, 3 without a result (interrupted)");
    }

    @Test
    void theRunProbesButtonOnTheCardStartsARun() {
        var card = card();
        assertThat(blockText(card)).contains("not run yet");

        var response = requests.clickButton(card, ProbeCardSection.RUN_ACTION, "U0BOB", "bob");

        assertThat(response.status()).isEqualTo(200);
        awaitRunFinished(1);
        assertThat(jdbc.sql("SELECT triggered_by_name || ':' || probe_count FROM probe_run").query(String.class).single())
                .isEqualTo("bob:3");
        awaitRunMessage(1, "2 of 3 passed");
        assertThat(slack.calls(FakeSlackApi.RESPONSE_URL_METHOD)).isEmpty();
    }

    @Test
    void aSecondRunWhileOneIsInProgressIsRefused() {
        targets.hold();
        requests.command(channel, "U0ALICE", "alice", "probe");

        var again = requests.command(channel, "U0BOB", "bob", "probe v1.2");
        requests.clickButton(card(), ProbeCardSection.RUN_ACTION, "U0BOB", "bob");

        assertThat(again.json("text")).contains("Probe run #1", "still in progress", "<@U0ALICE>", "Nothing new");
        var reply = slack.awaitCall(FakeSlackApi.RESPONSE_URL_METHOD, call -> true, java.time.Duration.ofSeconds(10));
        assertThat(reply.param("text")).contains("still in progress");
        assertThat(count("SELECT count(*) FROM probe_run")).isEqualTo(1);
        var running = awaitRunMessage(1, "Running");
        assertThat(blockText(running)).contains("⏳ *health*");
        targets.unblock();
        awaitRunFinished(1);
        assertThat(count("SELECT count(*) FROM probe_run")).isEqualTo(1);
    }

    @Test
    void oneProbeCanBeRunAlone() {
        var response = requests.command(channel, "U0ALICE", "alice", "probe v1.2 HEALTH");

        assertThat(response.json("text")).contains("Running probe `health`");
        awaitRunFinished(1);
        assertThat(results(1)).containsExactly("health:PASS");
        assertThat(jdbc.sql("SELECT only_probe FROM probe_run").query(String.class).single()).isEqualTo("health");
        assertThat(blockText(awaitRunMessage(1, "Passed"))).contains("re-check of `health`").doesNotContain("hsts");

        // a single probe name without the version works when one release is in progress
        requests.command(channel, "U0ALICE", "alice", "probe port");
        awaitRunFinished(2);
        assertThat(results(2)).containsExactly("port:PASS");
    }

    @Test
    void anUnknownProbeOrReleaseIsExplainedAndNothingRuns() {
        assertThat(requests.command(channel, "U0ALICE", "alice", "probe v1.2 nosuch").json("text"))
                .contains("`nosuch` is not a probe of *v1.2*", "`health`, `hsts`, `port`");
        assertThat(requests.command(channel, "U0ALICE", "alice", "probe v9.9 health").json("text"))
                .contains("No release `v9.9` is in progress");
        assertThat(requests.command(channel, "U0ALICE", "alice", "probe <!channel>").json("text"))
                .contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        assertThat(requests.command("C0EMPTY" + channel, "U0ALICE", "alice", "probe").json("text"))
                .contains("No release is in progress");
        assertThat(requests.command(channel, "U0ALICE", "alice", "probe a b c").json("text"))
                .contains("Too many words");

        assertNoRunStored();
    }

    @Test
    void aReleaseWhoseTemplateHasNoProbesHasNothingToRun() {
        requests.command(channel, "U0ALICE", "alice", "start v2.0");
        awaitThread("v2.0", 1);

        var response = requests.command(channel, "U0ALICE", "alice", "probe v2.0");

        assertThat(response.json("text")).contains("`default`", "defines no probes");
        assertNoRunStored();
        var v2card = slack.messages(channel).stream().filter(m -> m.threadTs() == null && m.text().contains("v2.0"))
                .findFirst().orElseThrow();
        assertThat(blockText(v2card)).doesNotContain("Probes");
        assertThat(FakeSlackApi.write(v2card.blocks())).doesNotContain(ProbeCardSection.RUN_ACTION);
    }

    @Test
    void severalReleasesInProgressNeedTheVersion() {
        requests.command(channel, "U0ALICE", "alice", "start v2.0 " + TEMPLATE);

        assertThat(requests.command(channel, "U0ALICE", "alice", "probe").json("text"))
                .contains("Several releases", "`v1.2`", "`v2.0`");
        assertNoRunStored();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private long releaseId() {
        return jdbc.sql("SELECT id FROM deployment WHERE release = 'v1.2'").query(Long.class).single();
    }

    private void awaitRunFinished(int number) {
        await(() -> count("SELECT count(*) FROM probe_run WHERE number = " + number + " AND status = 'FINISHED'"
                + " AND deployment_id = (SELECT id FROM deployment WHERE release = 'v1.2')") == 1,
                "probe run #" + number + " to finish");
    }

    private FakeSlackApi.Message awaitRunMessage(int number, String status) {
        String title = "Probe run #" + number + " for v1.2: ";
        await(() -> runMessage(title).filter(m -> m.text().contains(status)).isPresent(),
                "message of probe run #" + number + " showing " + status);
        return runMessage(title).orElseThrow();
    }

    private java.util.Optional<FakeSlackApi.Message> runMessage(String title) {
        return slack.messages(channel).stream().filter(m -> m.text().startsWith(title)).findFirst();
    }

    private void assertNoRunStored() {
        assertThat(count("SELECT count(*) FROM probe_run")).isZero();
        assertThat(count("SELECT count(*) FROM probe_result")).isZero();
        assertThat(count("SELECT count(*) FROM deployment_event WHERE type LIKE 'PROBE%'")).isZero();
        assertThat(slack.messages(channel)).noneMatch(m -> m.text().startsWith("Probe run"));
    }

    private List<String> results(int number) {
        return jdbc.sql("""
                        SELECT r.probe_id || ':' || r.outcome FROM probe_result r JOIN probe_run p ON p.id = r.run_id
                         WHERE p.number = ? ORDER BY r.position""")
                .param(number).query(String.class).list();
    }

    private Map<String, String> ticks() {
        return jdbc.sql("SELECT item_id, ticked_by || '/' || ticked_by_name || '/' || source FROM item_tick")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<String> audit() {
        return jdbc.sql("SELECT type || ':' || actor_name || ':' || coalesce(detail, '') FROM deployment_event ORDER BY id")
                .query(String.class).list();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private FakeSlackApi.Message card() {
        return slack.messages(channel).getFirst();
    }

    private FakeSlackApi.Message checklistMessage() {
        var card = card();
        return slack.thread(channel, card.ts()).getFirst();
    }

    private FakeSlackApi.Message current(FakeSlackApi.Message message) {
        return slack.message(channel, message.ts()).orElseThrow();
    }

    /** Every text a person sees in the message's blocks, one per line. */
    static String blockText(FakeSlackApi.Message message) {
        var texts = new ArrayList<String>();
        collect(message.blocks(), texts);
        return String.join("\n", texts);
    }

    private static void collect(Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("text".equals(key) && value instanceof String text) {
                    into.add(text);
                } else {
                    collect(value, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(element -> collect(element, into));
        }
    }
}
