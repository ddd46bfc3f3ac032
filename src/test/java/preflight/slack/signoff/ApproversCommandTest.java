package preflight.slack.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.approval.Approver;

class ApproversCommandTest {

    private static final List<String> KNOWN = List.of("QA", "QA Lead", "Tech Lead", "Product Owner");

    @Test
    void nothingShowsEverything() {
        assertThat(ApproversCommand.parse("  ", KNOWN)).isEqualTo(new ApproversCommand.ShowAll());
    }

    @Test
    void theLongestKnownRoleWinsAndMentionsAreRead() {
        var parsed = ApproversCommand.parse("qa lead <@U0DANA|dana> <!subteam^S0QA|@qa-team> <@W0EVE>", KNOWN);

        assertThat(parsed).isEqualTo(new ApproversCommand.Assign("QA Lead",
                List.of(Approver.of("U0DANA"), new Approver("S0QA", "@qa-team"), Approver.of("W0EVE"))));
    }

    @Test
    void aShorterRoleIsNotMistakenForALongerOne() {
        assertThat(ApproversCommand.parse("QA <@U0DANA>", KNOWN))
                .isEqualTo(new ApproversCommand.Assign("QA", List.of(Approver.of("U0DANA"))));
        assertThat(ApproversCommand.parse("QA Leader <@U0DANA>", KNOWN)).isInstanceOf(ApproversCommand.Problem.class);
    }

    @Test
    void aQuotedRoleNeedNotBeKnown() {
        assertThat(ApproversCommand.parse("\"Release Captain\" <@U0CAP|cap>, <!subteam^S0OPS>", KNOWN))
                .isEqualTo(new ApproversCommand.Assign("Release Captain",
                        List.of(Approver.of("U0CAP"), Approver.of("S0OPS"))));
        assertThat(ApproversCommand.parse("“Release Captain” U0123ABCDE", KNOWN))
                .isEqualTo(new ApproversCommand.Assign("Release Captain", List.of(Approver.of("U0123ABCDE"))));
    }

    @Test
    void aRoleAloneIsShownAndClearGoesBackToTheTemplate() {
        assertThat(ApproversCommand.parse("Product Owner", KNOWN)).isEqualTo(new ApproversCommand.Show("Product Owner"));
        assertThat(ApproversCommand.parse("product owner clear", KNOWN))
                .isEqualTo(new ApproversCommand.Clear("Product Owner"));
    }

    @Test
    void repeatedPeopleCountOnce() {
        assertThat(ApproversCommand.parse("Tech Lead <@U0TECH|t> <@U0TECH>", KNOWN))
                .isEqualTo(new ApproversCommand.Assign("Tech Lead", List.of(Approver.of("U0TECH"))));
    }

    @Test
    void plainHandlesAndUnknownRolesAreExplained() {
        assertThat(ApproversCommand.parse("Tech Lead @alice", KNOWN)).isInstanceOfSatisfying(
                ApproversCommand.Problem.class, p -> assertThat(p.message()).contains("`@alice`", "autocomplete"));
        assertThat(ApproversCommand.parse("Release Captain <@U0CAP>", KNOWN)).isInstanceOfSatisfying(
                ApproversCommand.Problem.class, p -> assertThat(p.message()).contains("`Release Captain`",
                        "`QA Lead`", "quote"));
        assertThat(ApproversCommand.parse("<@U0CAP>", KNOWN)).isInstanceOfSatisfying(
                ApproversCommand.Problem.class, p -> assertThat(p.message()).startsWith("Name the role first"));
        assertThat(ApproversCommand.parse("\"Release Captain <@U0CAP>", KNOWN)).isInstanceOfSatisfying(
                ApproversCommand.Problem.class, p -> assertThat(p.message()).contains("closing quote"));
    }

    @Test
    void roleNamesInProblemsAreEscaped() {
        assertThat(ApproversCommand.parse("<!channel> boss <@U0X>", KNOWN)).isInstanceOfSatisfying(
                ApproversCommand.Problem.class, p -> assertThat(p.message()).doesNotContain("<!channel>"));
        assertThat(ApproversCommand.parse("Ops&Dev <@U0X>", KNOWN)).isInstanceOfSatisfying(
                ApproversCommand.Problem.class, p -> assertThat(p.message()).contains("Ops&amp;Dev"));
    }
}
