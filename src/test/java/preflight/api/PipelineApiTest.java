package preflight.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import preflight.testing.ApiClient;
import preflight.testing.ApiFixture;
import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.SlackLimits;

/** Every endpoint of /api/v1 over HTTP against the running app, as a pipeline calls it. */
class PipelineApiTest extends ApiFixture {

    @Test
    void aPipelineOpensTheReleaseAndARetryGetsTheSameOne() {
        var api = api(createToken("ci"));

        var created = api.post("/api/v1/releases", "{\"version\":\"v1.2\",\"template\":\"signoff-test\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json()).containsEntry("version", "v1.2").containsEntry("environment", "production")
                .containsEntry("status", "IN_PROGRESS").containsEntry("startedBy", "api:ci");
        awaitThread("v1.2", 2);
        assertThat(text(card())).contains("api:ci");

        var again = api.post("/api/v1/releases", "{\"version\":\"v1.2\",\"template\":\"signoff-test\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor_id FROM deployment_event WHERE type = 'STARTED'").query(String.class).list())
                .containsExactly("api:ci");

        var release = api.get("/api/v1/releases/v1.2");
        assertThat(release.status()).isEqualTo(200);
        var body = release.json();
        assertThat(body.get("verdict")).isEqualTo(Map.of("go", false, "missing",
                List.of("2 items unticked", "Tech Lead not signed", "QA Lead not signed", "Product Owner not signed")));
        assertThat((List<?>) body.get("items")).hasSize(2);
        assertThat((List<?>) body.get("signoffs")).hasSize(3);
        assertThat(body.get("probeRuns")).isEqualTo(List.of());
        await(() -> api.get("/api/v1/releases/v1.2").json().get("url") != null, "thread permalink");
        assertThat((String) api.get("/api/v1/releases/v1.2").json().get("url"))
                .matches("https://.*\\.slack\\.com/archives/" + channel + "/p\\d+");
    }

    @Test
    void aTickThroughTheApiShowsInSlackWithItsEvidenceLink() {
        var api = api(createToken("ci"));
        api.post("/api/v1/releases", "{\"version\":\"v1.2\",\"template\":\"signoff-test\"}");
        awaitThread("v1.2", 2);
        String item = ((Map<?, ?>) ((List<?>) api.get("/api/v1/releases/v1.2").json().get("items")).getFirst())
                .get("id").toString();

        var ticked = api.post("/api/v1/releases/v1.2/items/" + item,
                "{\"ticked\":true,\"evidence\":\"https://ci.example.com/runs/42?a=1&b=2\",\"note\":\"all green\"}");

        assertThat(ticked.status()).as(ticked.toString()).isEqualTo(200);
        assertThat(ticked.json()).containsEntry("ticked", true).containsEntry("by", "api:ci")
                .containsEntry("source", "API").containsEntry("evidence", "https://ci.example.com/runs/42?a=1&b=2")
                .containsEntry("note", "all green");
        await(() -> FakeSlackApi.write(slack.messages(channel).get(1).blocks())
                .contains("<https://ci.example.com/runs/42?a=1&amp;b=2|evidence>"), "evidence link in the checklist");
        var checklist = slack.messages(channel).get(1);
        assertThat(BlockKit.selected(checklist)).containsExactly(item);
        assertThat(FakeSlackApi.write(checklist.blocks())).contains("api:ci");
        SlackLimits.assertWithinLimits(checklist);
        assertThat(jdbc.sql("SELECT actor_id || ' ' || detail FROM deployment_event WHERE type = 'ITEM_TICKED'")
                .query(String.class).single()).isEqualTo("api:ci https://ci.example.com/runs/42?a=1&b=2 — all green");

        var unticked = api.post("/api/v1/releases/v1.2/items/" + item, "{\"ticked\":false}");
        assertThat(unticked.json()).containsEntry("ticked", false);
    }

    @Test
    void badTicksAreRefusedAndChangeNothing() {
        var api = api(createToken("ci"));
        api.post("/api/v1/releases", "{\"version\":\"v1.2\",\"template\":\"signoff-test\"}");
        String item = ((Map<?, ?>) ((List<?>) api.get("/api/v1/releases/v1.2").json().get("items")).getFirst())
                .get("id").toString();

        assertProblem(api.post("/api/v1/releases/v1.2/items/no-such-item", "{\"ticked\":true}"), 404);
        assertProblem(api.post("/api/v1/releases/v9/items/" + item, "{\"ticked\":true}"), 404);
        assertProblem(api.post("/api/v1/releases/v1.2/items/" + item, "{\"ticked\":true,\"evidence\":\"javascript:alert(1)\"}"), 400);
        assertProblem(api.post("/api/v1/releases/v1.2/items/" + item, "{\"ticked\":true,\"evidence\":\"https://x.test/a|b>\"}"), 400);
        assertProblem(api.post("/api/v1/releases/v1.2/items/" + item, "{\"ticked\":\"maybe\"}"), 400);
        assertProblem(api.post("/api/v1/releases/v1.2/items/" + item, "{}"), 400);
        assertProblem(api.post("/api/v1/releases/v1.2/items/" + item, "{\"ticked\":true,\"evidance\":\"https://x.test\"}"), 400);
        assertProblem(api.post("/api/v1/releases/v1.2/items/" + item, "{\"ticked\":true,\"note\":\"" + "n".repeat(1001) + "\"}"), 400);
        assertProblem(api.post("/api/v1/releases/v1.2/items/" + item, "{\"ticked\":"), 400);

        assertThat(jdbc.sql("SELECT count(*) FROM item_tick").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM deployment_event WHERE type LIKE 'ITEM%'").query(Integer.class).single()).isZero();

        api.post("/api/v1/releases/v1.2/abort", "{\"reason\":\"cancelled\"}");
        assertProblem(api.post("/api/v1/releases/v1.2/items/" + item, "{\"ticked\":true}"), 409);
        assertThat(jdbc.sql("SELECT count(*) FROM item_tick").query(Integer.class).single()).isZero();
    }

    @Test
    void withoutAValidTokenNothingIsAnsweredOrChanged() {
        String token = createToken("ci");
        for (var anonymous : List.of(api(null), api("pft_" + "x".repeat(43)), api("not-a-token"))) {
            var refused = anonymous.post("/api/v1/releases", "{\"version\":\"v1.2\"}");
            assertProblem(refused, 401);
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertProblem(anonymous.get("/api/v1/releases/v1.2"), 401);
        }
        var basic = ApiClient.send(api(null).request("/api/v1/releases/v1.2").header("Authorization", "Basic " + token).build());
        assertProblem(basic, 401);
        assertThat(jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single()).isZero();

        requests.command(channel, "U0ALICE", "alice", "token revoke ci");
        assertProblem(api(token).post("/api/v1/releases", "{\"version\":\"v1.2\"}"), 401);
        assertThat(jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single()).isZero();
    }

    @Test
    void aTokenSeesOnlyItsOwnChannel() {
        var ours = api(createToken("ci"));
        ours.post("/api/v1/releases", "{\"version\":\"v1.2\",\"template\":\"signoff-test\"}");
        String ourChannel = channel;
        channel = channel + "X";
        var theirs = api(createToken("ci"));

        assertProblem(theirs.get("/api/v1/releases/v1.2"), 404);
        assertProblem(theirs.post("/api/v1/releases/v1.2/abort", "{\"reason\":\"mine now\"}"), 404);
        assertThat(jdbc.sql("SELECT status FROM deployment WHERE channel_id = ?").param(ourChannel)
                .query(String.class).single()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void badStartsAreRefusedWithProblemDetails() {
        var api = api(createToken("ci"));
        assertProblem(api.post("/api/v1/releases", "{}"), 400);
        assertProblem(api.post("/api/v1/releases", "{\"version\":\"<!channel>\"}"), 400);
        assertProblem(api.post("/api/v1/releases", "{\"version\":\"" + "v".repeat(500) + "\"}"), 400);
        assertProblem(api.post("/api/v1/releases", "{\"version\":\"v1\",\"template\":\"nope\"}"), 400);
        assertProblem(api.post("/api/v1/releases", "{\"version\":\"v1\",\"environment\":\"pro duction\"}"), 400);
        assertProblem(api.post("/api/v1/releases", "{\"version\":\"v1\",\"colour\":\"blue\"}"), 400);
        assertProblem(api.post("/api/v1/releases", "[1,2,3]"), 400);
        assertProblem(api.post("/api/v1/releases", "not json"), 400);
        assertProblem(api.post("/api/v1/releases", "{\"version\":\"v1\",\"note\":\"" + "x".repeat(70_000) + "\"}"), 413);
        assertProblem(ApiClient.send(api.request("/api/v1/releases").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("v1")).build()), 415);
        assertProblem(ApiClient.send(api.request("/api/v1/releases/v1").DELETE().build()), 405);
        assertProblem(api.get("/api/v1/releases/v1?environment=a%20b"), 400);
        assertProblem(api.get("/api/v1/releases/nope"), 404);
        assertProblem(api.get("/api/v1/nothing-here"), 404);
        assertThat(jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single()).isZero();
    }

    @Test
    void shippingOnNoGoIsRefusedWithWhatIsMissingAndNeedsAnOverride() {
        var api = api(createToken("ci"));
        api.post("/api/v1/releases", "{\"version\":\"v1.2\",\"template\":\"signoff-test\"}");

        var refused = api.post("/api/v1/releases/v1.2/shipped", null);
        assertProblem(refused, 409);
        assertThat(refused.json().get("missing")).isEqualTo(
                List.of("2 items unticked", "Tech Lead not signed", "QA Lead not signed", "Product Owner not signed"));
        assertThat(jdbc.sql("SELECT status FROM deployment").query(String.class).single()).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.sql("SELECT count(*) FROM qrtz_triggers WHERE job_name = 'monitoring-' || (SELECT id FROM deployment)")
                .query(Integer.class).single()).isZero();

        var shipped = api.post("/api/v1/releases/v1.2/shipped", "{\"override\":\"hotfix for the outage\"}");
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
        assertThat(shipped.json()).containsEntry("status", "SHIPPED").containsEntry("overrideReason", "hotfix for the outage");
        assertThat(jdbc.sql("SELECT actor_id FROM deployment_event WHERE type = 'SHIPPED_WITH_OVERRIDE'")
                .query(String.class).single()).isEqualTo("api:ci");
        assertThat(jdbc.sql("SELECT count(*) FROM qrtz_triggers WHERE job_name = 'monitoring-' || (SELECT id FROM deployment)")
                .query(Integer.class).single()).isPositive();
        await(() -> !slack.messages(channel).isEmpty() && text(card()).contains("hotfix for the outage"), "override on the card");

        assertProblem(api.post("/api/v1/releases/v1.2/shipped", null), 409);
        assertProblem(api.post("/api/v1/releases/v1.2/abort", "{\"reason\":\"too late\"}"), 409);
        assertProblem(api.post("/api/v1/releases/v1.2/rollback", "{}"), 400);
        assertThat(jdbc.sql("SELECT status FROM deployment").query(String.class).single()).isEqualTo("SHIPPED");

        var rolledBack = api.post("/api/v1/releases/v1.2/rollback", "{\"reason\":\"error rate up\"}");
        assertThat(rolledBack.json()).containsEntry("status", "ROLLED_BACK").containsEntry("closeReason", "error rate up");
        assertThat(jdbc.sql("SELECT count(*) FROM qrtz_triggers WHERE job_name = 'monitoring-' || (SELECT id FROM deployment)")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aGoReleaseShipsWithoutOverrideAndAnAbortNeedsAReason() {
        var api = api(createToken("ci"));
        api.post("/api/v1/releases", "{\"version\":\"v1.3\",\"template\":\"signoff-test\"}");
        assertProblem(api.post("/api/v1/releases/v1.3/abort", "{\"reason\":\"  \"}"), 400);
        var aborted = api.post("/api/v1/releases/v1.3/abort", "{\"reason\":\"wrong commit\"}");
        assertThat(aborted.json()).containsEntry("status", "ABORTED");
        assertThat(api.get("/api/v1/releases/v1.3").json()).containsEntry("status", "ABORTED");
        assertProblem(api.post("/api/v1/releases/v1.3/probe", null), 409);
    }

    @Test
    void aProbeRunStartsAndShowsInTheRelease() {
        var api = api(createToken("ci"));
        api.post("/api/v1/releases", "{\"version\":\"v2\",\"template\":\"signoff-probes\"}");
        var started = api.post("/api/v1/releases/v2/probe", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json()).containsEntry("run", 1).containsEntry("probes", 1);
        await(() -> api.get("/api/v1/releases/v2").body().contains("\"FINISHED\""), "the run finished");
        var run = (Map<?, ?>) ((List<?>) api.get("/api/v1/releases/v2").json().get("probeRuns")).getFirst();
        assertThat(run.get("by")).isEqualTo("api:ci");
        assertThat(run.get("failed")).isEqualTo(1);

        api.post("/api/v1/releases", "{\"version\":\"v3\",\"template\":\"signoff-test\"}");
        assertProblem(api.post("/api/v1/releases/v3/probe", null), 409);
    }

    @Test
    void theVerdictAnswersAtOnceOrAtTheDeadline() {
        var api = api(createToken("ci"));
        api.post("/api/v1/releases", "{\"version\":\"v1.2\",\"template\":\"signoff-test\"}");
        var now = api.get("/api/v1/releases/v1.2/verdict");
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.json()).containsEntry("go", false).containsEntry("status", "IN_PROGRESS");
        var waited = api.get("/api/v1/releases/v1.2/verdict?wait=1");
        assertThat(waited.status()).isEqualTo(200);
        assertThat(waited.json()).containsEntry("go", false);
        assertProblem(api.get("/api/v1/releases/v1.2/verdict?wait=901"), 400);
        assertProblem(api.get("/api/v1/releases/v1.2/verdict?wait=-1"), 400);
        assertProblem(api.get("/api/v1/releases/v1.2/verdict?wait=soon"), 400);

        api.post("/api/v1/releases/v1.2/abort", "{\"reason\":\"stop\"}");
        assertThat(api.get("/api/v1/releases/v1.2/verdict?wait=60").json()).containsEntry("status", "ABORTED");
    }

    @Test
    void aTokenThatAsksTooOftenIsToldWhenToRetry() {
        var api = api(createToken("ci"));
        ApiClient.Response last = null;
        for (int i = 0; i < 400 && (last == null || last.status() != 429); i++) {
            last = api.get("/api/v1/releases/v1");
        }
        assertProblem(last, 429);
        assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();
    }

    static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json()).containsEntry("status", status).containsKey("title").containsKey("detail");
    }
}
