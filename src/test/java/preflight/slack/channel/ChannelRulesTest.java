package preflight.slack.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.testing.SlackAppFixture;

/** Who may change a channel's managers, on-call and approvers; reading them is open to everyone. */
class ChannelRulesTest extends SlackAppFixture {

    @Test
    void withNoManagersNamedAMemberCannotMakeThemselvesManagerOrOnCallOrApprover() {
        var managers = requests.command(channel, "U0MALLORY", "mallory", "managers <@U0MALLORY>");
        var oncall = requests.command(channel, "U0MALLORY", "mallory", "oncall <@U0MALLORY>");
        var approvers = requests.command(channel, "U0MALLORY", "mallory", "approvers \"QA Lead\" <@U0MALLORY>");

        for (var reply : List.of(managers, oncall, approvers)) {
            assertThat(reply.json("text")).contains("Only a workspace admin can change this", "Nothing was changed");
            assertThat(reply.json("response_type")).isNotEqualTo("in_channel");
        }
        assertNothingChanged();
    }

    @Test
    void aWorkspaceAdminNamesTheManagersAndItIsSaidInTheChannelAndAudited() {
        slack.setWorkspaceAdmin("U0WSADMIN");

        var reply = requests.command(channel, "U0WSADMIN", "wsadmin", "managers <@U0BOB> <!subteam^S0REL|@release-team>");

        assertThat(reply.json("response_type")).isEqualTo("in_channel");
        assertThat(reply.json("text")).isEqualTo(
                "<@U0WSADMIN> made @release-team (group), <@U0BOB> the release managers of this channel.");
        assertThat(reply.json("text")).doesNotContain("<!subteam");
        assertThat(members("MANAGER")).containsExactly("S0REL", "U0BOB");
        assertThat(ruleEvents()).containsExactly("MANAGER|null||S0REL U0BOB|U0WSADMIN");
        assertThat(requests.command(channel, "U0MALLORY", "mallory", "managers").json("text"))
                .contains("<@U0BOB>", "<!subteam^S0REL>");
    }

    @Test
    void aWorkspaceOwnerIsAnAdminToo() {
        slack.setWorkspaceOwner("U0WSOWNER");

        requests.command(channel, "U0WSOWNER", "owner", "oncall <@U0ONCALL>");

        assertThat(members("ONCALL")).containsExactly("U0ONCALL");
    }

    @Test
    void onceManagersAreNamedTheyChangeTheRulesAndOthersStillCannot() {
        requests.command(channel, ADMIN, "admin", "managers <@U0BOB>");

        var refused = requests.command(channel, "U0MALLORY", "mallory", "oncall <@U0MALLORY>");
        assertThat(refused.json("text")).contains("Only this channel's release managers or a workspace admin");
        assertThat(members("ONCALL")).isEmpty();
        assertThat(requests.command(channel, "U0MALLORY", "mallory", "managers <@U0MALLORY>").json("text"))
                .contains("Nothing was changed");
        assertThat(members("MANAGER")).containsExactly("U0BOB");

        var byManager = requests.command(channel, "U0BOB", "bob", "oncall <@U0ONCALL>");

        assertThat(byManager.json("text")).isEqualTo("<@U0BOB> made <@U0ONCALL> the on-call of this channel.");
        var approvers = requests.command(channel, "U0BOB", "bob", "approvers \"QA Lead\" <@U0DANA>");
        assertThat(approvers.json("text")).startsWith("<@U0BOB> made <@U0DANA> the approver for *QA Lead*");
        assertThat(ruleEvents()).containsExactly("MANAGER|null||U0BOB|" + ADMIN, "ONCALL|null||U0ONCALL|U0BOB",
                "APPROVERS|QA Lead||U0DANA|U0BOB");
    }

    @Test
    void aManagerOfAnotherChannelIsNobodyHere() {
        requests.command("C0OTHER" + channel, ADMIN, "admin", "managers <@U0BOB>");

        assertThat(requests.command(channel, "U0BOB", "bob", "oncall <@U0BOB>").json("text"))
                .contains("Only a workspace admin");
        assertThat(members("ONCALL")).isEmpty();
    }

    @Test
    void membersOfAnAdminGroupAdministerEveryChannel() {
        slack.setUserGroup(ADMIN_GROUP, "U0GROUPADMIN");

        var reply = requests.command(channel, "U0GROUPADMIN", "groupadmin", "approvers \"QA Lead\" <@U0DANA>");

        assertThat(reply.json("response_type")).isEqualTo("in_channel");
        assertThat(jdbc.sql("SELECT approvers FROM signoff_approvers WHERE channel_id = ?").param(channel)
                .query(String.class).list()).containsExactly("U0DANA");
        var cleared = requests.command(channel, "U0MALLORY", "mallory", "approvers QA Lead clear");
        assertThat(cleared.json("text")).contains("Only a workspace admin");
        assertThat(jdbc.sql("SELECT count(*) FROM signoff_approvers").query(Integer.class).single()).isEqualTo(1);
    }

    private void assertNothingChanged() {
        assertThat(jdbc.sql("SELECT count(*) FROM channel_member").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM signoff_approvers").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM channel_rule_event").query(Integer.class).single()).isZero();
    }

    private List<String> members(String role) {
        return jdbc.sql("SELECT member_id FROM channel_member WHERE channel_id = ? AND role = ? ORDER BY member_id")
                .params(channel, role).query(String.class).list();
    }

    private List<String> ruleEvents() {
        return jdbc.sql("""
                        SELECT type || '|' || coalesce(subject, 'null') || '|' || coalesce(before, '') || '|'
                               || coalesce(after, '') || '|' || actor_id
                          FROM channel_rule_event WHERE channel_id = ? ORDER BY id""")
                .param(channel).query(String.class).list();
    }
}
