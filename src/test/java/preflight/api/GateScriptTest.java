package preflight.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import preflight.testing.ApiFixture;

/** bin/preflight-gate, run as a pipeline runs it, against the running app. */
class GateScriptTest extends ApiFixture {

    @Test
    void aPipelineOpensTicksWaitsForGoAndShips() throws Exception {
        String token = createToken("ci");

        var started = gate(token, "start", "v1.2", "--template", "signoff-test");
        assertThat(started.exit()).as(started.output()).isZero();
        assertThat(started.output()).contains("Release v1.2 (production): IN_PROGRESS");

        var items = (List<?>) api(token).get("/api/v1/releases/v1.2").json().get("items");
        String first = ((Map<?, ?>) items.get(0)).get("id").toString();
        var ticked = gate(token, "tick", "v1.2", first, "--evidence", "https://ci.test/runs/7", "--note", "all green");
        assertThat(ticked.exit()).as(ticked.output()).isZero();
        assertThat(ticked.output()).contains("ticked by api:ci");
        assertThat(api(token).get("/api/v1/releases/v1.2").body()).contains("https://ci.test/runs/7", "all green");

        var noGo = gate(token, "wait", "v1.2", "--timeout", "1s");
        assertThat(noGo.exit()).as(noGo.output()).isEqualTo(1);
        assertThat(noGo.output()).contains("NO-GO", "1 item unticked", "Tech Lead not signed");

        var refused = gate(token, "shipped", "v1.2");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.output()).contains("NO-GO", "Product Owner not signed");
        assertThat(api(token).get("/api/v1/releases/v1.2").json()).containsEntry("status", "IN_PROGRESS");

        var waiting = CompletableFuture.supplyAsync(() -> gate(token, "wait", "v1.2", "--timeout", "2m"));
        gate(token, "tick", "v1.2", ((Map<?, ?>) items.get(1)).get("id").toString());
        var signoffs = signoffMessage();
        click(signoffs, "signoff_approve", TECH_LEAD, "U0TECH");
        click(signoffs, "signoff_approve", QA_LEAD, "U0QA1");
        click(signoffs, "signoff_approve", PRODUCT_OWNER, "U0BOB");
        var go = waiting.get(60, TimeUnit.SECONDS);
        assertThat(go.exit()).as(go.output()).isZero();
        assertThat(go.output()).contains("GO: release v1.2 may ship.");

        var shipped = gate(token, "shipped", "v1.2");
        assertThat(shipped.exit()).as(shipped.output()).isZero();
        assertThat(shipped.output()).contains("SHIPPED");

        var rolledBack = gate(token, "rollback", "v1.2", "--reason", "error rate up");
        assertThat(rolledBack.exit()).as(rolledBack.output()).isZero();
        var closed = gate(token, "wait", "v1.2");
        assertThat(closed.exit()).as(closed.output()).isEqualTo(2);
        assertThat(closed.output()).contains("ROLLED_BACK");
    }

    @Test
    void refusalsAndMistakesExitWithThree() {
        String token = createToken("ci");
        var unknown = gate(token, "tick", "v9", "nothing");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.output()).contains("HTTP 404", "No release v9");
        assertThat(gate("pft_" + "x".repeat(43), "start", "v1").output()).contains("HTTP 401");
        assertThat(gate(token, "rollback", "v1").output()).contains("needs --reason");
        assertThat(gate(token, "fly", "v1").exit()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single()).isZero();
    }

    record Run(int exit, String output) {
    }

    private Run gate(String token, String... args) {
        var command = new ArrayList<>(List.of("sh", "bin/preflight-gate"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PREFLIGHT_URL", "http://localhost:" + port);
        builder.environment().put("PREFLIGHT_TOKEN", token);
        try {
            var process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
