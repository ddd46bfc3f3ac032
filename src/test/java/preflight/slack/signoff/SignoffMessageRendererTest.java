package preflight.slack.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import preflight.approval.Approver;
import preflight.approval.Decision;
import preflight.approval.RoleState;
import preflight.approval.SignoffDecision;
import preflight.approval.SignoffService;
import preflight.approval.Verdict;
import preflight.deployment.Actor;
import preflight.deployment.Missing;
import preflight.deployment.Release;
import preflight.deployment.ReleaseStatus;
import preflight.slack.outbox.RenderedMessage;
import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.SlackLimits;

/** The sign-off message and card section stay within Slack's limits however many roles and words there are. */
class SignoffMessageRendererTest {

    private static final Instant AT = Instant.parse("2026-11-21T14:00:00Z");

    private final SignoffService signoffs = mock(SignoffService.class);
    private final SignoffMessageRenderer renderer = new SignoffMessageRenderer(signoffs, null);
    private final SignoffCardSection card = new SignoffCardSection(signoffs);

    @Test
    void eachRoleHasItsStateAndTheButtonsThatApply() {
        var deployment = deployment(ReleaseStatus.IN_PROGRESS);
        given(signoffs.roles(deployment)).willReturn(List.of(
                role(0, "Tech Lead", null),
                role(1, "QA Lead", decision("QA Lead", Decision.APPROVED, null)),
                role(2, "DevOps", decision("DevOps", Decision.REJECTED, "Disk alerts <!here> & more"))));

        var message = BlockKit.json(renderer.render(deployment));

        assertThat(SlackLimits.violations(message, null, false)).isEmpty();
        assertThat(actionIds(message)).containsExactly(
                "signoff_approve:0", "signoff_reject:0",
                "signoff_reject:1", "signoff_withdraw:1",
                "signoff_approve:2", "signoff_withdraw:2");
        assertThat(FakeSlackApi.write(message)).contains("rejected by <@U0DECIDER>", "Disk alerts &lt;!here&gt; &amp; more")
                .contains("can sign: <@U0A>, @qa-team (group), group `S0NOHANDLE`");
    }

    @Test
    void aReleaseNoLongerInProgressShowsNoButtons() {
        var deployment = deployment(ReleaseStatus.SHIPPED);
        given(signoffs.roles(deployment)).willReturn(List.of(role(0, "Tech Lead", null)));

        var message = BlockKit.json(renderer.render(deployment));

        assertThat(actionIds(message)).isEmpty();
        assertThat(FakeSlackApi.write(message)).contains("Sign-offs are closed");
    }

    @Test
    void manyRolesWithLongReasonsStillFit() {
        var deployment = deployment(ReleaseStatus.IN_PROGRESS);
        var roles = IntStream.range(0, 40).mapToObj(i -> role(i, "Role " + i + " " + "x".repeat(100),
                i % 2 == 0 ? null : decision("Role " + i, Decision.REJECTED, "<@U0> & ".repeat(200)))).toList();
        given(signoffs.roles(deployment)).willReturn(roles);
        given(signoffs.verdict(org.mockito.ArgumentMatchers.eq(deployment), org.mockito.ArgumentMatchers.anyList())).willReturn(new Verdict(roles.stream().<Missing>map(r -> new Missing.RoleRejected(r.name())).toList()));

        var message = BlockKit.json(renderer.render(deployment));
        var cardBlocks = BlockKit.json(new RenderedMessage("", card.blocks(deployment)));

        assertThat(SlackLimits.violations(message, null, false)).isEmpty();
        assertThat(message).hasSizeLessThanOrEqualTo(50);
        assertThat(actionIds(message)).as("every role can be signed").hasSize(40)
                .allMatch(id -> id.startsWith(SignoffMessageRenderer.MENU + ":"));
        assertThat(SlackLimits.violations(cardBlocks, null, false)).isEmpty();
    }

    private static List<String> actionIds(List<Map<String, Object>> blocks) {
        var ids = new ArrayList<String>();
        blocks.forEach(block -> FakeSlackApi.interactiveElements(block)
                .forEach(element -> ids.add((String) element.get("action_id"))));
        return ids;
    }

    private static RoleState role(int index, String name, SignoffDecision decision) {
        return new RoleState(index, name, "", List.of(Approver.of("U0A"), new Approver("S0QA", "@qa-team"),
                Approver.of("S0NOHANDLE")), RoleState.ApproverSource.TEMPLATE, decision);
    }

    private static SignoffDecision decision(String role, Decision decision, String reason) {
        return new SignoffDecision(role, decision, new Actor("U0DECIDER", "decider"), reason, AT);
    }

    private static Release deployment(ReleaseStatus status) {
        return new Release(1L, 0, "C1", "v1.2", "production", "t", "", "U0ALICE", "alice",
                status, AT, AT);
    }
}
