package preflight.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import preflight.testing.ApiClient;
import preflight.testing.ApiFixture;
import preflight.testing.AppProcess;
import preflight.testing.FakeSlackApi;

/**
 * A pipeline waiting for GO is answered within a second of the last approval clicked in Slack,
 * whether the click reaches the instance it waits on or another one (a second app process on the
 * same database).
 */
class LongPollTest extends ApiFixture {

    private static final String APPROVE = "signoff_approve";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static AppProcess other;

    @Autowired
    VerdictWaiters waiters;

    @AfterAll
    static void stopOther() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void aWaitingPipelineIsAnsweredWithinASecondOfTheLastApproval() throws Exception {
        var api = api(createToken("ci"));
        var signoffs = almostGo(api);

        var waiting = waitFor(api, "http://localhost:" + port);
        await(() -> waiters.size() == 1, "the long poll waiting");
        assertThat(waiting).isNotDone();

        var answer = approveLastRole(signoffs, waiting);

        assertThat(answer.json()).containsEntry("go", true).containsEntry("missing", List.of())
                .containsEntry("status", "IN_PROGRESS");
        await(() -> waiters.size() == 0, "the waiter forgotten");
    }

    @Test
    void aClickOnAnotherInstanceWakesTheWaiters() throws Exception {
        var api = api(createToken("ci"));
        var signoffs = almostGo(api);
        var second = other();

        var waiting = waitFor(api, second.baseUrl());
        // the other instance has no window into its waiters: a poll still open after a second is waiting
        Thread.sleep(1000);
        assertThat(waiting).isNotDone();

        var answer = approveLastRole(signoffs, waiting);

        assertThat(answer.json()).containsEntry("go", true);
    }

    /** Both items ticked through the API, Tech Lead and QA Lead approved: only the Product Owner is missing. */
    private FakeSlackApi.Message almostGo(ApiClient api) {
        api.post("/api/v1/releases", "{\"version\":\"v1.2\",\"template\":\"signoff-test\"}");
        var signoffs = signoffMessageOnceStored();
        for (var item : (List<?>) api.get("/api/v1/releases/v1.2").json().get("items")) {
            api.post("/api/v1/releases/v1.2/items/" + ((Map<?, ?>) item).get("id"), "{\"ticked\":true}");
        }
        click(signoffs, APPROVE, TECH_LEAD, "U0TECH");
        click(signoffs, APPROVE, QA_LEAD, "U0QA1");
        // a click is acknowledged first and decided just after
        await(() -> api.get("/api/v1/releases/v1.2/verdict").json().get("missing")
                .equals(List.of("Product Owner not signed")), "only the Product Owner missing");
        return signoffs;
    }

    private FakeSlackApi.Message signoffMessageOnceStored() {
        await(() -> slack.messages(channel).stream().anyMatch(m -> m.blocks().stream()
                .anyMatch(b -> "so:head".equals(b.get("block_id")))), "sign-off message");
        await(() -> jdbc.sql("SELECT count(*) FROM message_view WHERE channel_id = ? AND kind = 'SIGNOFF' AND ts IS NOT NULL")
                .param(channel).query(Integer.class).single() == 1, "sign-off message's ts stored");
        return signoffMessage();
    }

    private static CompletableFuture<ApiClient.Response> waitFor(ApiClient api, String baseUrl) {
        var request = new ApiClient(baseUrl, null).request("/api/v1/releases/v1.2/verdict?wait=60");
        var withToken = api.request("/api/v1/releases/v1.2/verdict?wait=60").build().headers()
                .firstValue("Authorization").orElseThrow();
        return HTTP.sendAsync(request.header("Authorization", withToken).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new ApiClient.Response(response.statusCode(), response.body(),
                        response.headers().map()));
    }

    private ApiClient.Response approveLastRole(FakeSlackApi.Message signoffs,
                                                CompletableFuture<ApiClient.Response> waiting) throws Exception {
        long clicked = System.nanoTime();
        var click = click(signoffs, APPROVE, PRODUCT_OWNER, "U0BOB");
        assertThat(click.status()).isEqualTo(200);
        var answer = waiting.get(10, TimeUnit.SECONDS);
        long answeredAfter = Duration.ofNanos(System.nanoTime() - clicked).toMillis();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answeredAfter).as("ms from the click to the answer").isLessThan(1000);
        return answer;
    }

    private AppProcess other() {
        if (other == null) {
            var env = AppProcess.environment("public", slack, "xoxb-test-bot-token", SIGNING_SECRET);
            other = AppProcess.start("long-poll-other", env, List.of()).awaitReady(Duration.ofSeconds(120));
        }
        return other;
    }
}
