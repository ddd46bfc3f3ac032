package preflight.slack.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.testing.SignoffFixture;

class ApproversSubcommandTest extends SignoffFixture {

    @Test
    void approversAreAssignedPerChannelAndShown() {
        var assigned = requests.command(channel, ADMIN, "admin",
                "approvers Product Owner <@U0PO|po> <!subteam^S0PM|@pm-team>");

        assertThat(assigned.json("response_type")).isEqualTo("in_channel");
        assertThat(assigned.json("text")).isEqualTo("<@U0ENVADMIN> made <@U0PO>, @pm-team (group) the approvers for"
                + " *Product Owner* in this channel. Running releases follow where the role is not decided yet.");
        var shown = requests.command(channel, "U0BOB", "bob", "approvers");
        assertThat(shown.json("text")).contains("*Product Owner* — <@U0PO>, <!subteam^S0PM|@pm-team> (set by <@U0ENVADMIN>)");
        assertThat(requests.command("C0ELSEWHERE", "U0BOB", "bob", "approvers").json("text"))
                .doesNotContain("Product Owner");
    }

    @Test
    void aChannelAssignmentOverridesTheTemplateInARunningRelease() {
        var signoffs = start("v1.2", "signoff-test");

        requests.command(channel, ADMIN, "admin", "approvers tech lead <@U0NEWTECH|newtech>");

        await(() -> text(signoffMessage()).contains("can sign: <@U0NEWTECH>"), "new approver on the sign-off message");
        assertThat(jdbc.sql("SELECT type || ':' || subject || ':' || detail FROM deployment_event WHERE type = 'APPROVERS_ASSIGNED'")
                .query(String.class).list()).containsExactly("APPROVERS_ASSIGNED:Tech Lead:U0NEWTECH");
        click(signoffs, SignoffMessageRenderer.APPROVE, TECH_LEAD, "U0TECH");
        assertThat(awaitEphemeral("can sign")).contains("Only <@U0NEWTECH> can sign *Tech Lead*");
        click(signoffs, SignoffMessageRenderer.APPROVE, TECH_LEAD, "U0NEWTECH");
        await(() -> decisions().equals(List.of("Tech Lead:APPROVED:U0NEWTECH")), "approval by the channel's approver");
        var shown = requests.command(channel, "U0BOB", "bob", "approvers");
        assertThat(shown.json("text")).contains("*Tech Lead* — <@U0NEWTECH> (set by <@U0ENVADMIN>)",
                "*QA Lead* — <!subteam^S0QATEAM> (from template `signoff-test`)",
                "*Product Owner* — nobody assigned: anyone but the release starter may sign");
    }

    @Test
    void clearingGoesBackToTheTemplate() {
        start("v1.2", "signoff-test");
        requests.command(channel, ADMIN, "admin", "approvers Tech Lead <@U0NEWTECH>");
        await(() -> text(signoffMessage()).contains("<@U0NEWTECH>"), "assignment shown");

        var cleared = requests.command(channel, ADMIN, "admin", "approvers Tech Lead clear");

        assertThat(cleared.json("text")).contains("template's approvers apply again");
        await(() -> text(signoffMessage()).contains("can sign: <@U0TECH>"), "template approver shown again");
    }

    @Test
    void aQuotedRoleMayBeAnyRoleAndAnUnknownOneIsExplained() {
        var unknown = requests.command(channel, ADMIN, "admin", "approvers Release Captain <@U0CAP|cap>");
        assertThat(unknown.json("text")).contains("I don't know a sign-off role `Release Captain`", "`QA Lead`", "quote");

        var quoted = requests.command(channel, ADMIN, "admin", "approvers \"Release Captain\" <@U0CAP|cap>");

        assertThat(quoted.json("text")).contains("the approver for *Release Captain*");
        assertThat(jdbc.sql("SELECT role || '=' || approvers FROM signoff_approvers").query(String.class).list())
                .containsExactly("Release Captain=U0CAP");
    }

    @Test
    void namesThatAreNotMentionsAreRefused() {
        var answer = requests.command(channel, ADMIN, "admin", "approvers QA Lead @dana");

        assertThat(answer.json("text")).contains("`@dana`", "autocomplete");
        assertThat(jdbc.sql("SELECT count(*) FROM signoff_approvers").query(Integer.class).single()).isZero();
    }
}
