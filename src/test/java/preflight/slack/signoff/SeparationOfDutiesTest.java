package preflight.slack.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static preflight.slack.signoff.SignoffMessageRenderer.APPROVE;
import static preflight.slack.signoff.SignoffMessageRenderer.REJECT;

import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.testing.SignoffFixture;

/** Whoever starts a release signs none of it; renaming approvers never rewrites a decision already made. */
class SeparationOfDutiesTest extends SignoffFixture {

    @Test
    void theStarterNamedForARoleMayNotSignItAndTheCardSaysNobodyElseCan() {
        var signoffs = start("v4.0", "signoff-test", "U0TECH");

        awaitRendered("only <@U0TECH>, who started this release and so may not sign it");
        click(signoffs, APPROVE, TECH_LEAD, "U0TECH");

        assertThat(awaitEphemeral("You started this release")).contains("the people named for *Tech Lead* can");
        assertThat(decisions()).isEmpty();
        assertThat(signoffEvents()).isEmpty();
    }

    @Test
    void theStarterMayNotSignAGroupsRoleEither() {
        var signoffs = start("v4.1", "signoff-test");

        click(signoffs, APPROVE, QA_LEAD, "U0ALICE");

        assertThat(awaitEphemeral("You started this release")).contains("Nothing was changed");
        assertThat(decisions()).isEmpty();
    }

    @Test
    void renamingApproversReachesOnlyRolesNotYetDecided() {
        var signoffs = start("v4.2", "signoff-test");
        click(signoffs, APPROVE, TECH_LEAD, "U0TECH");
        awaitRendered("approved by <@U0TECH>");

        requests.command(channel, ADMIN, "admin", "approvers Tech Lead <@U0MALLORY>");
        requests.command(channel, ADMIN, "admin", "approvers Product Owner <@U0PO>");

        awaitRendered("<@U0PO> — set in this channel by <@" + ADMIN + ">");
        assertThat(text(card())).contains("approved by <@U0TECH>");
        click(signoffMessage(), REJECT, TECH_LEAD, "U0MALLORY");
        assertThat(awaitEphemeral("can sign")).contains("Only <@U0TECH> can sign *Tech Lead*");
        assertThat(decisions()).containsExactly("Tech Lead:APPROVED:U0TECH");
        assertThat(jdbc.sql("SELECT subject FROM deployment_event WHERE type = 'APPROVERS_ASSIGNED'")
                .query(String.class).list()).containsExactly("Product Owner");
        click(signoffMessage(), APPROVE, PRODUCT_OWNER, "U0PO");
        await(() -> decisions().equals(List.of("Product Owner:APPROVED:U0PO", "Tech Lead:APPROVED:U0TECH")),
                "the waiting role followed the new approver");
    }

    @Test
    void theCardNamesAnOnCallGroupByHandleWithoutPingingIt() {
        requests.command(channel, ADMIN, "admin", "oncall <!subteam^S0ONCALL|@oncall-team>");

        start("v4.3", "signoff-test");

        await(() -> text(card()).contains("@oncall-team (group)"), "on-call group on the card");
        assertThat(text(card())).doesNotContain("<!subteam");
    }
}
