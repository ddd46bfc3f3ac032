package preflight.slack.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static preflight.testing.BlockKit.json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.reflect.TypeToken;
import com.slack.api.util.json.GsonFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import preflight.checklist.Checklist;
import preflight.checklist.ChecklistParser;
import preflight.deployment.Actor;
import preflight.deployment.ItemTick;
import preflight.deployment.Release;
import preflight.deployment.ReleaseStatus;
import preflight.deployment.TickSource;
import preflight.slack.outbox.RenderedMessage;
import preflight.slack.release.ReleaseCardRenderer;
import preflight.testing.BlockKit;
import preflight.testing.SharedChecklists;
import preflight.testing.SlackLimits;
import preflight.testing.Templates;

/** Worst case: every item ticked by someone with a long name, for every real checklist. */
public class ChecklistMessageRendererTest {

    private final ChecklistMessageRenderer renderer = new ChecklistMessageRenderer(null);
    private final ReleaseCardRenderer cards = new ReleaseCardRenderer(List.of(), null, null);

    /** The shared checklists where this workplace has them, and always the built-in template and a long one. */
    static Stream<Path> checklists() {
        return Stream.concat(SharedChecklists.files().stream(), Stream.of(
                Path.of("src", "main", "resources", "preflight", "templates", "default.md"),
                Path.of("src", "test", "resources", "templates", "fifty-items.md")));
    }

    @ParameterizedTest
    @MethodSource("checklists")
    void everyPlannedMessageFitsEvenWithEveryItemTicked(Path file) throws Exception {
        var checklist = Templates.parser().parse("t", Files.readString(file));
        var everythingTicked = ticked(checklist, checklist.items().size());

        var plans = ChecklistLayout.plan(checklist);

        int covered = 0;
        for (var plan : plans) {
            assertThat(plan.first()).isEqualTo(covered);
            var message = renderer.render(deployment("v1"), checklist, plan.first(), plan.end(), everythingTicked);
            assertThat(SlackLimits.violations(json(message), message.text(), false)).isEmpty();
            covered = plan.end();
        }
        assertThat(covered).isEqualTo(checklist.items().size());
    }

    @ParameterizedTest
    @MethodSource("checklists")
    void messagesArePackedGreedily(Path file) throws Exception {
        var checklist = Templates.parser().parse("t", Files.readString(file));
        var plans = ChecklistLayout.plan(checklist);
        var chunks = ChecklistLayout.chunks(checklist, 0, checklist.items().size());

        // Each message but the last was closed only because its next chunk would not fit.
        for (int i = 0; i + 1 < plans.size(); i++) {
            var plan = plans.get(i);
            int end = plan.end();
            var inMessage = chunks.stream().filter(c -> c.first() >= plan.first() && c.end() <= end).toList();
            var next = chunks.stream().filter(c -> c.first() == end).findFirst().orElseThrow();
            int blocks = inMessage.stream().mapToInt(ChecklistLayout.Chunk::blocks).sum() + next.blocks();
            int text = inMessage.stream().mapToInt(ChecklistLayout.Chunk::worstCaseText).sum() + next.worstCaseText();
            assertThat(blocks > 46 || text > 11_000).as("message %d could have taken the next chunk", i).isTrue();
        }
    }

    @Test
    void theBlockIdChangesWithTheTickStateAndSaysWhatWasShown() {
        var checklist = Templates.parser().parse("t", "# T\n## S\n- [ ] one\n- [ ] two\n- [ ] three\n");

        var before = renderer.render(deployment("v1"), checklist, 0, 3, Map.of());
        var after = renderer.render(deployment("v1"), checklist, 0, 3, ticked(checklist, 2));

        String idBefore = actionsBlockId(before);
        String idAfter = actionsBlockId(after);
        assertThat(idAfter).isNotEqualTo(idBefore);
        var shown = ChecklistMessageRenderer.TickedMask.parse(idAfter);
        assertThat(List.of(shown.ticked(0), shown.ticked(1), shown.ticked(2))).containsExactly(true, true, false);
        assertThat(ChecklistMessageRenderer.TickedMask.parse("ck:0:99:0000")).isNull();
        assertThat(ChecklistMessageRenderer.TickedMask.parse("something-else")).isNull();
    }

    @Test
    void templateTextCannotPingOrBreakFormatting() {
        var checklist = Templates.parser().parse("t",
                "# T\n## S <!here>\n- [ ] tell <!channel> & <@U123> about **it** and [docs](https://x.example/a?b=1&c=2)\n");

        var message = renderer.render(deployment("v1"), checklist, 0, 1, Map.of());

        String all = json(message).toString();
        assertThat(all).doesNotContain("<!channel>", "<!here>", "<@U123>")
                .contains("&lt;!channel&gt;", "&amp;", "*it*", "<https://x.example/a?b=1&amp;c=2|docs>");
    }

    @Test
    void longItemsKeepTheirFullTextInTheSectionText() {
        String longText = "Verify that every replica of the primary database has caught up within five seconds of lag";
        var checklist = Templates.parser().parse("t", "# T\n## S\n- [ ] " + longText + "\n");

        var blocks = json(renderer.render(deployment("v1"), checklist, 0, 1, Map.of()));

        assertThat(blocks.toString()).contains(longText);
        assertThat(SlackLimits.violations(blocks, "x", false)).isEmpty();
    }

    @Test
    void theCardShowsProgressAndEscapesNothingItShouldNot() {
        var message = cards.render(deployment("v1.2"), new preflight.deployment.Progress(3, 12));

        assertThat(message.text()).contains("v1.2", "3/12");
        assertThat(json(message).toString()).contains("<@U0ALICE>", "3 / 12 items (25%)");
        assertThat(SlackLimits.violations(json(message), message.text(), false)).isEmpty();
    }

    private static Map<String, ItemTick> ticked(Checklist checklist, int count) {
        var ticks = new HashMap<String, ItemTick>();
        var someone = new Actor("U0SOMEONE", "a.person.with.a.really.long.display.name.for.testing.limits");
        checklist.items().stream().limit(count).forEach(item ->
                ticks.put(item.id(), new ItemTick(item.id(), someone, TickSource.USER, Instant.parse("2026-11-21T14:02:00Z"))));
        return ticks;
    }

    private static Release deployment(String release) {
        var now = Instant.parse("2026-11-21T14:00:00Z");
        return new Release(1L, 0, "C1", release, "production", "t", "", "U0ALICE", "alice",
                ReleaseStatus.IN_PROGRESS, now, now);
    }

    private static String actionsBlockId(RenderedMessage message) {
        return json(message).stream().filter(b -> "actions".equals(b.get("type")))
                .map(b -> (String) b.get("block_id")).findFirst().orElseThrow();
    }

}
