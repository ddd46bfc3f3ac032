package preflight.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import preflight.testing.ApiClient;
import preflight.testing.ApiFixture;

/** Random bodies, paths, parameters and headers: the API answers each with a 2xx or a 4xx, never a 5xx. */
class ApiFuzzTest extends ApiFixture {

    private static final List<String> PATHS = List.of("/api/v1/releases", "/api/v1/releases/v1.2",
            "/api/v1/releases/v1.2/verdict?wait=0", "/api/v1/releases/v1.2/items/1", "/api/v1/releases/v1.2/probe",
            "/api/v1/releases/v1.2/shipped", "/api/v1/releases/v1.2/rollback", "/api/v1/releases/v1.2/abort",
            "/api/v1/releases/%00", "/api/v1/releases/v1.2?environment=%FF", "/api/v1/releases/v1.2/items/%2e%2e",
            "/api/v1/releases/v1.2/verdict?wait=99999999999999", "/api/v1/releases/" + "v".repeat(3000));
    private static final List<String> SHAPES = List.of("{}", "[]", "null", "\"text\"", "1", "true", "{\"version\":",
            "{\"version\":null}", "{\"version\":[]}", "{\"version\":{\"a\":1}}", "{\"version\":\"v1.2\",\"template\":1}",
            "{\"ticked\":true,\"evidence\":\"\"}", "{\"ticked\":null}", "{\"reason\":\"\\u0000\"}",
            "{\"override\":\"" + "o".repeat(5000) + "\"}", "{\"version\":\"v1.2\",\"environment\":\"<!channel>\"}",
            "{\"ticked\":true,\"evidence\":\"https://x.test/" + "%".repeat(50) + "\"}", "{\"version\":\"\\ud800\"}");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=latin1",
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/xml", "*/*", "");

    @Test
    void noInputMakesTheApiFail() {
        String token = createToken("ci");
        var api = api(token);
        api.post("/api/v1/releases", "{\"version\":\"v1.2\",\"template\":\"signoff-test\"}");
        var random = new Random(14);
        for (int i = 0; i < 250; i++) {
            String path = PATHS.get(random.nextInt(PATHS.size()));
            String body = random.nextBoolean() ? SHAPES.get(random.nextInt(SHAPES.size())) : garbage(random);
            var request = new ApiClient("http://localhost:" + port, null).request(path);
            switch (random.nextInt(4)) {
                case 0 -> request.header("Authorization", "Bearer " + token);
                case 1 -> request.header("Authorization", "Bearer " + headerGarbage(random));
                case 2 -> request.header("Authorization", random.nextBoolean() ? "Bearer" : "Basic " + token);
                default -> { }
            }
            String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            if (!type.isEmpty()) {
                request.header("Content-Type", type);
            }
            request.header("Accept", random.nextBoolean() ? "application/json" : "text/html");
            String method = List.of("GET", "POST", "PUT", "DELETE", "PATCH").get(random.nextInt(5));
            request.method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            var response = ApiClient.send(request.build());
            assertThat(response.status()).as("%s %s %s -> %s", method, path, body, response).isLessThan(500);
        }
    }

    /** What an HTTP header may carry at all: visible ASCII and the bytes 0xA0–0xFF. */
    private static String headerGarbage(Random random) {
        var text = new StringBuilder();
        int length = 1 + random.nextInt(120);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? '!' + random.nextInt(94) : 0xA0 + random.nextInt(0x60)));
        }
        return text.toString();
    }

    private static String garbage(Random random) {
        var text = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : ' ' + random.nextInt(95)));
        }
        return text.toString();
    }
}
