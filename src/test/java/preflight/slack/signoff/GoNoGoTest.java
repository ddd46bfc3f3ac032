package preflight.slack.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import preflight.deployment.ReleaseService;
import preflight.deployment.ShipGuard;
import preflight.testing.BlockKit;
import preflight.testing.SignoffFixture;
import preflight.testing.SlackLimits;
import preflight.words.MissingText;

class GoNoGoTest extends SignoffFixture {

    @Autowired
    List<ShipGuard> guards;

    @Autowired
    ReleaseService deployments;

    @Test
    void theVerdictTurnsFromNoGoToGoAsTheLastPieceArrives() {
        var signoffs = start("v1.2", "signoff-test");
        assertThat(text(card())).contains(
                "🔴 *NO-GO* — 2 items unticked · Tech Lead not signed · QA Lead not signed · Product Owner not signed");
        assertThat(missing()).containsExactly("2 items unticked", "Tech Lead not signed", "QA Lead not signed",
                "Product Owner not signed");

        var checklist = slack.messages(channel).get(1);
        var items = BlockKit.optionValues(List.of(checklist));
        requests.toggleCheckbox(checklist, items.get(0), "U0BOB", "bob");
        requests.toggleCheckbox(checklist, items.get(1), "U0BOB", "bob");
        click(signoffs, SignoffMessageRenderer.APPROVE, TECH_LEAD, "U0TECH");
        click(signoffs, SignoffMessageRenderer.APPROVE, QA_LEAD, "U0QA1");
        await(() -> text(card()).contains("🔴 *NO-GO* — Product Owner not signed"), "only the last role missing");
        assertThat(requests.command(channel, "U0BOB", "bob", "status").json("text"))
                .contains("🔴 *NO-GO* — Product Owner not signed");

        click(signoffs, SignoffMessageRenderer.APPROVE, PRODUCT_OWNER, "U0BOB");

        await(() -> text(card()).contains("🟢 *GO*"), "GO on the card");
        assertThat(missing()).isEmpty();
        assertThat(requests.command(channel, "U0BOB", "bob", "status").json("text")).contains("🟢 *GO*");
        SlackLimits.assertWithinLimits(card());
    }

    @Test
    void aChecklistWithProbesIsNoGoUntilAProbeRunPasses() {
        var signoffs = start("v2.0", "signoff-probes");
        var checklist = slack.messages(channel).get(1);
        requests.toggleCheckbox(checklist, BlockKit.optionValues(List.of(checklist)).getFirst(), "U0BOB", "bob");
        click(signoffs, SignoffMessageRenderer.APPROVE, TECH_LEAD, "U0TECH");

        await(() -> text(card()).contains("approved by <@U0TECH>"), "approval on the card");
        await(() -> text(card()).contains("🔴 *NO-GO* — probes"), "probes still missing");
        assertThat(missing()).hasSize(1).first().asString().startsWith("probes");
    }

    @Test
    void aRejectedRoleIsNamedAsRejected() {
        start("v1.2", "signoff-test");
        jdbc.sql("""
                INSERT INTO signoff_decision (deployment_id, role_key, role, decision, decided_by, decided_by_name, reason, decided_at)
                SELECT id, 'qa lead', 'QA Lead', 'REJECTED', 'U0QA1', 'qa1', 'flaky', now() FROM deployment""").update();

        assertThat(missing()).contains("QA Lead rejected").doesNotContain("QA Lead not signed");
    }

    private List<String> missing() {
        var deployment = deployments.activeInChannel(channel).getFirst();
        return guards.stream().flatMap(guard -> guard.missing(deployment).stream()).map(MissingText::of).toList();
    }
}
