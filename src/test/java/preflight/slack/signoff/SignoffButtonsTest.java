package preflight.slack.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import preflight.testing.FakeSlackApi;
import preflight.testing.SignoffFixture;
import preflight.testing.SlackLimits;

class SignoffButtonsTest extends SignoffFixture {

    private static final String APPROVE = SignoffMessageRenderer.APPROVE;
    private static final String REJECT = SignoffMessageRenderer.REJECT;
    private static final String WITHDRAW = SignoffMessageRenderer.WITHDRAW;

    private FakeSlackApi.Message signoffs;

    @BeforeEach
    void startRelease() {
        signoffs = start("v1.2", "signoff-test");
    }

    @Test
    void theSignoffMessageListsEveryRoleWithWhoMaySign() {
        assertThat(text(signoffs)).contains("Tech Lead", "can sign: <@U0TECH>", "QA Lead", "group `S0QATEAM`",
                "Product Owner", "anyone but the release starter");
        assertThat(signoffs.threadTs()).isEqualTo(card().ts());
        assertThat(text(card())).contains("*Sign-offs*", "⏳ *QA Lead* — waiting");
        SlackLimits.assertWithinLimits(signoffs);
        SlackLimits.assertWithinLimits(card());
    }

    @Test
    void anAssignedApproverApproves() {
        var response = click(signoffs, APPROVE, TECH_LEAD, "U0TECH");

        assertThat(response.status()).isEqualTo(200);
        await(() -> decisions().equals(java.util.List.of("Tech Lead:APPROVED:U0TECH")), "approval stored");
        assertThat(signoffEvents()).containsExactly(event("SIGNOFF_APPROVED", "U0TECH", "Tech Lead", null));
        awaitRendered("approved by <@U0TECH>");
        assertThat(text(signoffMessage())).doesNotContain(APPROVE + ":" + TECH_LEAD).contains(WITHDRAW + ":" + TECH_LEAD);
        SlackLimits.assertWithinLimits(signoffMessage());
        SlackLimits.assertWithinLimits(card());
    }

    @Test
    void someoneNotAssignedIsToldWhoMaySignAndNothingChanges() {
        click(signoffs, APPROVE, TECH_LEAD, "U0MALLORY");

        assertThat(awaitEphemeral("can sign")).contains("Only <@U0TECH> can sign *Tech Lead*");
        assertThat(decisions()).isEmpty();
        assertThat(signoffEvents()).isEmpty();
    }

    @Test
    void aGroupMemberMaySignAndANonMemberMayNot() {
        click(signoffs, APPROVE, QA_LEAD, "U0BOB");

        assertThat(awaitEphemeral("can sign")).contains("Only <!subteam^S0QATEAM> can sign *QA Lead*");
        assertThat(decisions()).isEmpty();

        click(signoffs, APPROVE, QA_LEAD, "U0QA1");

        await(() -> decisions().equals(java.util.List.of("QA Lead:APPROVED:U0QA1")), "group member's approval");
        assertThat(slack.calls("usergroups.users.list")).allSatisfy(call ->
                assertThat(call.param("usergroup")).isEqualTo("S0QATEAM"));
    }

    @Test
    void rejectAsksForTheReasonInAModalAndRecordsIt() {
        click(signoffs, REJECT, TECH_LEAD, "U0TECH");

        var opened = slack.awaitCall("views.open", call -> true, Duration.ofSeconds(10));
        assertThat(opened.param("trigger_id")).isNotBlank();
        var modal = slack.views().getLast();
        assertThat(SlackLimits.violations(opened.blocks(), null, true)).isEmpty();
        assertThat(decisions()).isEmpty();

        var submitted = requests.viewSubmission(modal, reason("Checkout fails on staging <!channel> & more"), "U0TECH");

        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.body()).doesNotContain("errors");
        await(() -> decisions().equals(java.util.List.of("Tech Lead:REJECTED:U0TECH")), "rejection stored");
        assertThat(signoffEvents()).containsExactly(event("SIGNOFF_REJECTED", "U0TECH", "Tech Lead",
                "Checkout fails on staging <!channel> & more"));
        awaitRendered("rejected by <@U0TECH>");
        assertThat(text(signoffMessage())).contains("Checkout fails on staging &lt;!channel&gt; &amp; more");
        assertThat(text(card())).contains("Checkout fails on staging &lt;!channel&gt; &amp; more", "Tech Lead rejected");
        SlackLimits.assertWithinLimits(signoffMessage());
        SlackLimits.assertWithinLimits(card());
    }

    @Test
    void aRejectionWithoutAReasonKeepsTheModalOpenWithAFieldError() {
        click(signoffs, REJECT, TECH_LEAD, "U0TECH");
        slack.awaitCall("views.open", call -> true, Duration.ofSeconds(10));
        var modal = slack.views().getLast();

        var blank = requests.viewSubmission(modal, reason("   \n "), "U0TECH");
        var missing = requests.viewSubmission(modal, Map.of("reason", Map.of("reason",
                Map.of("type", "plain_text_input"))), "U0TECH");

        for (var response : java.util.List.of(blank, missing)) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json("response_action")).isEqualTo("errors");
            assertThat(response.json("errors")).contains("\"reason\"", "why you are rejecting");
        }
        assertThat(decisions()).isEmpty();
        assertThat(signoffEvents()).isEmpty();
    }

    @Test
    void someoneNotAssignedGetsNoModal() {
        click(signoffs, REJECT, TECH_LEAD, "U0MALLORY");

        assertThat(awaitEphemeral("can sign")).contains("Only <@U0TECH>");
        assertThat(slack.calls("views.open")).isEmpty();
    }

    @Test
    void aDoubleClickOrDuplicateDeliveryRecordsOneDecision() {
        click(signoffs, APPROVE, TECH_LEAD, "U0TECH");
        click(signoffs, APPROVE, TECH_LEAD, "U0TECH");

        assertThat(awaitEphemeral("already approved")).contains("*Tech Lead* is already approved by <@U0TECH>");
        assertThat(decisions()).containsExactly("Tech Lead:APPROVED:U0TECH");
        assertThat(signoffEvents()).hasSize(1);
    }

    @Test
    void anApproverMayWithdrawTheirApprovalButNobodyElseMay() {
        click(signoffs, APPROVE, TECH_LEAD, "U0TECH");
        awaitRendered("approved by <@U0TECH>");

        click(signoffMessage(), WITHDRAW, TECH_LEAD, "U0BOB");
        assertThat(awaitEphemeral("withdraw")).contains("Only <@U0TECH> can withdraw");
        assertThat(decisions()).hasSize(1);

        click(signoffMessage(), WITHDRAW, TECH_LEAD, "U0TECH");

        await(() -> decisions().isEmpty(), "approval withdrawn");
        assertThat(signoffEvents()).extracting(e -> e.get("type"), e -> e.get("detail")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SIGNOFF_APPROVED", null),
                org.assertj.core.groups.Tuple.tuple("SIGNOFF_WITHDRAWN", "approval withdrawn"));
        await(() -> text(signoffMessage()).contains("⏳ *Tech Lead*"), "role waiting again");
    }

    @Test
    void theStarterCannotSignARoleNobodyIsAssignedToButAnyoneElseCan() {
        click(signoffs, APPROVE, PRODUCT_OWNER, "U0ALICE");

        assertThat(awaitEphemeral("started this release")).contains("nobody is named for *Product Owner*");
        assertThat(decisions()).isEmpty();

        click(signoffs, APPROVE, PRODUCT_OWNER, "U0BOB");

        await(() -> decisions().equals(java.util.List.of("Product Owner:APPROVED:U0BOB")), "approval by someone else");
    }

    @Test
    void aReleaseNoLongerInProgressTakesNoDecisions() {
        jdbc.sql("UPDATE deployment SET status = 'SHIPPED'").update();

        click(signoffs, APPROVE, TECH_LEAD, "U0TECH");

        assertThat(awaitEphemeral("can no longer change")).contains("v1.2");
        assertThat(decisions()).isEmpty();
    }

    private static Map<String, Map<String, Object>> reason(String text) {
        return Map.of("reason", Map.of("reason", Map.of("type", "plain_text_input", "value", text)));
    }

    private static Map<String, Object> event(String type, String actor, String role, String detail) {
        var event = new java.util.LinkedHashMap<String, Object>();
        event.put("type", type);
        event.put("actor", actor);
        event.put("role", role);
        event.put("detail", detail);
        return event;
    }
}
