package preflight.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import preflight.testing.ApiClient;
import preflight.testing.ApiFixture;

/** GET /api/v1/releases/{version}/report: the report for a compliance archive, Markdown or JSON. */
class ReportApiTest extends ApiFixture {

    @Test
    void theReportComesAsMarkdownOrJsonWithTheTokensTickAndEvidence() {
        var api = api(createToken("ci"));
        api.post("/api/v1/releases", "{\"version\":\"v3.1\",\"template\":\"signoff-test\"}");
        awaitThread("v3.1", 2);
        String item = ((Map<?, ?>) ((List<?>) api.get("/api/v1/releases/v3.1").json().get("items")).getFirst())
                .get("id").toString();
        api.post("/api/v1/releases/v3.1/items/" + item, "{\"ticked\":true,\"evidence\":\"https://ci.example.com/runs/7\"}");

        var markdown = ApiClient.send(api.request("/api/v1/releases/v3.1/report").header("Accept", "text/markdown").GET().build());
        assertThat(markdown.status()).as(markdown.toString()).isEqualTo(200);
        assertThat(markdown.header("Content-Type")).startsWith("text/markdown");
        assertThat(markdown.body()).contains("v3.1", "api:ci", "https://ci.example.com/runs/7");

        var json = ApiClient.send(api.request("/api/v1/releases/v3.1/report").header("Accept", "application/json").GET().build());
        assertThat(json.status()).isEqualTo(200);
        assertThat(((Map<?, ?>) json.json().get("release")).get("version")).isEqualTo("v3.1");
        assertThat(json.body()).contains("api:ci", "https://ci.example.com/runs/7");
    }

    @Test
    void anUnknownReleaseOrNoTokenGetsAProblemAndNoReport() {
        var api = api(createToken("ci"));

        PipelineApiTest.assertProblem(api.get("/api/v1/releases/v404/report"), 404);
        PipelineApiTest.assertProblem(ApiClient.send(HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/releases/v404/report")).GET().build()), 401);
    }
}
