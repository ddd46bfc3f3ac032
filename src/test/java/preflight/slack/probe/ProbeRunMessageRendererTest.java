package preflight.slack.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import preflight.checklist.Checklist;
import preflight.checklist.ChecklistParser;
import preflight.checklist.ProbeDefinition;
import preflight.deployment.Actor;
import preflight.deployment.ItemTick;
import preflight.deployment.Release;
import preflight.deployment.ReleaseStatus;
import preflight.deployment.TickSource;
import preflight.probe.ProbeResult.Outcome;
import preflight.probe.ProbeRun;
import preflight.probe.ProbeRunResult;
import preflight.testing.BlockKit;
import preflight.testing.SlackLimits;
import preflight.testing.Templates;

class ProbeRunMessageRendererTest {

    private static final Instant NOW = Instant.parse("2026-11-21T14:00:00Z");
    private final ProbeRunMessageRenderer renderer = new ProbeRunMessageRenderer(null, null);

    @Test
    void aTemplateWithManyProbesAndLongHostileDetailsStillFitsInOneMessage() {
        var checklist = checklist(80);
        var probes = new ArrayList<ProbeDefinition>();
        var results = new ArrayList<ProbeRunResult>();
        Map<String, ItemTick> ticks = new HashMap<>();
        var alice = new Actor("U0ALICE", "a.person.with.a.really.long.display.name.for.testing.limits");
        for (int i = 0; i < 80; i++) {
            String id = "probe-" + "x".repeat(50) + i;
            String target = "https://" + "very-long-host-name.".repeat(8) + "example.com/health?check=" + i;
            probes.add(new ProbeDefinition(id, "http", target, Map.of(), List.of(), Map.of(), i + 2));
            var items = checklist.items().stream().map(item -> item.id()).limit(5).toList();
            results.add(new ProbeRunResult(id, i, "http", target, i % 2 == 0 ? Outcome.PASS : Outcome.FAIL,
                    Duration.ofMillis(1234), "<!channel> `rm -rf` & " + "body says no ".repeat(40), items, items, items,
                    NOW));
            items.forEach(item -> ticks.put(item, new ItemTick(item, alice, TickSource.USER, NOW)));
        }
        var run = run(ProbeRun.Status.FINISHED, 80, 40, 40, null);

        var message = renderer.render(deployment(), run, probes, results, checklist, ticks);

        var blocks = BlockKit.json(message);
        assertThat(SlackLimits.violations(blocks, message.text(), false)).isEmpty();
        assertThat(blocks.toString()).contains("more probes", "&lt;!channel&gt;", "ˋrm -rfˋ", "(+2 more)")
                .doesNotContain("<!channel>");
        assertThat(message.text()).isEqualTo("Probe run #3 for v1.2: 40 of 80 passed, 40 failed");
    }

    @Test
    void aRunningRunShowsWhatIsStillRunning() {
        var checklist = checklist(3);
        var probes = List.of(
                new ProbeDefinition("health", "http", "https://api.example.com/health", Map.of(), List.of(), Map.of(), 3),
                new ProbeDefinition("cert", "tls", "api.example.com:443", Map.of(), List.of(), Map.of(), 7));
        var health = new ProbeRunResult("health", 0, "http", "https://api.example.com/health", Outcome.PASS,
                Duration.ofMillis(42), "200 OK in 42 ms", List.of(checklist.items().getFirst().id()), List.of(),
                List.of(), NOW);

        var message = renderer.render(deployment(), run(ProbeRun.Status.RUNNING, 2, 1, 0, null), probes,
                List.of(health), checklist, Map.of());

        String text = BlockKit.json(message).toString();
        assertThat(text).contains("⏳ Running: 1 of 2 done", "✅ *health* · http `https://api.example.com/health` · 42 ms",
                "ticked: Item number 0", "⏳ *cert* · tls `api.example.com:443` · running…", "started by <@U0ALICE>");
    }

    @Test
    void anInterruptedRunSaysSoAndWhichProbesHaveNoResult() {
        var probes = List.of(new ProbeDefinition("dns", "dns", "api.example.com", Map.of(), List.of(), Map.of(), 3));

        var message = renderer.render(deployment(), run(ProbeRun.Status.INTERRUPTED, 1, 0, 0, null), probes,
                List.of(), checklist(1), Map.of());

        assertThat(BlockKit.json(message).toString()).contains("⚠️ Interrupted", "no result");
    }

    @Test
    void aReCheckShowsOnlyItsProbe() {
        var probes = List.of(
                new ProbeDefinition("health", "http", "https://api.example.com/health", Map.of(), List.of(), Map.of(), 3),
                new ProbeDefinition("cert", "tls", "api.example.com:443", Map.of(), List.of(), Map.of(), 7));

        var message = renderer.render(deployment(), run(ProbeRun.Status.RUNNING, 1, 0, 0, "cert"), probes, List.of(),
                checklist(1), Map.of());

        assertThat(BlockKit.json(message).toString()).contains("re-check of `cert`", "*cert*")
                .doesNotContain("*health*");
    }

    private static Checklist checklist(int items) {
        var markdown = new StringBuilder("# T\n## S\n");
        for (int i = 0; i < items; i++) {
            markdown.append("- [ ] Item number ").append(i).append(" with a fairly long text that goes on and on\n");
        }
        return Templates.parser().parse("t", markdown.toString());
    }

    private static ProbeRun run(ProbeRun.Status status, int count, int passed, int failed, String only) {
        return new ProbeRun(1, 1, 3, only, count, new Actor("U0ALICE", "alice"), status, NOW, NOW.plusSeconds(60),
                status == ProbeRun.Status.RUNNING ? null : NOW, passed, failed);
    }

    private static Release deployment() {
        return new Release(1L, 0, "C1", "v1.2", "production", "t", "", "U0ALICE", "alice",
                ReleaseStatus.IN_PROGRESS, NOW, NOW);
    }
}
