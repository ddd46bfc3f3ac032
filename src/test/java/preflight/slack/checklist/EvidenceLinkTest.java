package preflight.slack.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import preflight.checklist.ChecklistParser;
import preflight.deployment.Actor;
import preflight.deployment.ItemTick;
import preflight.deployment.Release;
import preflight.deployment.ReleaseStatus;
import preflight.deployment.TickSource;
import preflight.testing.BlockKit;
import preflight.testing.Templates;

/** A pipeline's evidence is a link on the item, inside Slack's 75 characters of option description. */
class EvidenceLinkTest {

    private static final Instant AT = Instant.parse("2026-11-21T14:02:00Z");
    private final ChecklistMessageRenderer renderer = new ChecklistMessageRenderer(null);
    private final preflight.checklist.Checklist checklist = Templates.parser().parse("t", "# T\n## S\n- [ ] CI green {#ci}\n");
    private final Release release = new Release(1L, 0, "C1", "v1", "production", "t", "", "U0ALICE", "alice",
            ReleaseStatus.IN_PROGRESS, AT, AT);

    @Test
    void aShortLinkIsShownInFrontOfTheAttributionEscaped() {
        var description = description(new ItemTick("ci", Actor.token("ci", "C1"), TickSource.API, AT,
                "https://ci.example.com/runs/42?a=1&b=2", "green"));
        assertThat(description).containsEntry("type", "mrkdwn");
        String text = (String) description.get("text");
        // the time gives way first
        assertThat(text).isEqualTo("<https://ci.example.com/runs/42?a=1&amp;b=2|evidence> · ✓ api:ci");
        assertThat(text.length()).isLessThanOrEqualTo(75);
    }

    @Test
    void theAttributionGivesWayToALongerLink() {
        String url = "https://github.com/acme/api/actions/runs/12345";
        String text = (String) description(new ItemTick("ci", Actor.token("github-actions", "C1"), TickSource.API, AT,
                url, null)).get("text");
        assertThat(text).startsWith("<" + url + "|evidence> · ✓ api:");
        assertThat(text.length()).isLessThanOrEqualTo(75);
    }

    @Test
    void aLinkTooLongForSlackLeavesThePlainAttribution() {
        var description = description(new ItemTick("ci", Actor.token("ci", "C1"), TickSource.API, AT,
                "https://ci.example.com/" + "x".repeat(80), null));
        assertThat(description).containsEntry("type", "plain_text");
        assertThat((String) description.get("text")).startsWith("✓ api:ci").doesNotContain("https");
    }

    @Test
    void aPersonsTickHasNoLink() {
        var description = description(new ItemTick("ci", new Actor("U0BOB", "bob"), TickSource.USER, AT));
        assertThat(description).containsEntry("type", "plain_text");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> description(ItemTick tick) {
        var rendered = renderer.render(release, checklist, 0, 1, Map.of("ci", tick));
        assertThat(preflight.testing.SlackLimits.violations(BlockKit.json(rendered), rendered.text(), false)).isEmpty();
        var blocks = BlockKit.json(renderer.render(release, checklist, 0, 1, Map.of("ci", tick)));
        var checkboxes = (Map<?, ?>) ((List<?>) blocks.getLast().get("elements")).getFirst();
        return (Map<String, Object>) ((Map<?, ?>) ((List<?>) checkboxes.get("options")).getFirst()).get("description");
    }
}
