package preflight.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import preflight.testing.ApiClient;
import preflight.testing.ApiFixture;

/** /v3/api-docs documents the schemas the API really answers with, field for field. */
class OpenApiDocumentTest extends ApiFixture {

    @Test
    void theDocumentedSchemasMatchRealAnswers() {
        var docs = ApiClient.send(new ApiClient("http://localhost:" + port, null).request("/v3/api-docs").GET().build());
        assertThat(docs.status()).isEqualTo(200);
        var ui = ApiClient.send(new ApiClient("http://localhost:" + port, null).request("/swagger-ui/index.html").GET().build());
        assertThat(ui.status()).isEqualTo(200);
        var schemas = (Map<?, ?>) ((Map<?, ?>) docs.json().get("components")).get("schemas");
        var paths = (Map<?, ?>) docs.json().get("paths");
        assertThat(paths.keySet().stream().map(Object::toString).toList()).contains("/api/v1/releases", "/api/v1/releases/{version}",
                "/api/v1/releases/{version}/verdict", "/api/v1/releases/{version}/items/{itemId}",
                "/api/v1/releases/{version}/probe", "/api/v1/releases/{version}/shipped",
                "/api/v1/releases/{version}/rollback", "/api/v1/releases/{version}/abort");

        var api = api(createToken("ci"));
        api.post("/api/v1/releases", "{\"version\":\"v2\",\"template\":\"signoff-probes\"}");
        api.post("/api/v1/releases/v2/probe", null);
        await(() -> api.get("/api/v1/releases/v2").body().contains("\"FINISHED\""), "probe run finished");
        var items = (List<?>) api.get("/api/v1/releases/v2").json().get("items");
        var tick = api.post("/api/v1/releases/v2/items/" + ((Map<?, ?>) items.getFirst()).get("id"),
                "{\"ticked\":true,\"evidence\":\"https://ci.test/1\"}");
        var release = api.get("/api/v1/releases/v2").json();

        assertMatches(schemas, "Release", release);
        assertMatches(schemas, "Verdict", (Map<?, ?>) release.get("verdict"));
        assertMatches(schemas, "Item", tick.json());
        assertMatches(schemas, "Signoff", (Map<?, ?>) ((List<?>) release.get("signoffs")).getFirst());
        assertMatches(schemas, "ProbeRun", (Map<?, ?>) ((List<?>) release.get("probeRuns")).getFirst());
        assertMatches(schemas, "VerdictAnswer", api.get("/api/v1/releases/v2/verdict").json());
        assertMatches(schemas, "ProbeRunStarted", Map.of("run", 2, "probes", 1));
    }

    private static void assertMatches(Map<?, ?> schemas, String name, Map<?, ?> answer) {
        var schema = (Map<?, ?>) schemas.get(name);
        assertThat(schema).as("schema %s", name).isNotNull();
        var properties = (Map<?, ?>) schema.get("properties");
        assertThat(properties.keySet().stream().map(Object::toString).toList()).as("properties of %s", name).containsExactlyInAnyOrderElementsOf(
                answer.keySet().stream().map(Object::toString).toList());
        var required = schema.get("required") == null ? List.of() : (List<?>) schema.get("required");
        for (var field : required) {
            assertThat(answer.get(field)).as("%s.%s is required", name, field).isNotNull();
        }
        properties.forEach((field, property) -> {
            var value = answer.get(field);
            if (value != null) {
                assertThat(jsonType(value)).as("%s.%s", name, field).isIn(types((Map<?, ?>) property, schemas));
            }
        });
    }

    private static List<String> types(Map<?, ?> property, Map<?, ?> schemas) {
        if (property.get("$ref") != null) {
            return List.of("object", "string"); // a nested schema or an enum
        }
        if (property.get("type") instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        String type = String.valueOf(property.get("type"));
        return type.equals("number") ? List.of("number", "integer") : List.of(type);
    }

    private static String jsonType(Object value) {
        return switch (value) {
            case String s -> "string";
            case Boolean b -> "boolean";
            case Integer i -> "integer";
            case Long l -> "integer";
            case Number n -> "number";
            case List<?> l -> "array";
            case Map<?, ?> m -> "object";
            default -> value.getClass().getSimpleName();
        };
    }
}
