package preflight.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import preflight.deployment.GroupMembers;

class WhoMaySignTest {

    private static final ApprovalSettings DEFAULTS = new ApprovalSettings(false, Duration.ofSeconds(60));
    private static final String STARTER = "U0STARTER";

    private final GroupMembers groups = mock(GroupMembers.class);
    private final WhoMaySign whoMaySign = new WhoMaySign(groups, DEFAULTS);

    @Test
    void anAssignedUserMaySignWithoutAskingSlackAboutGroups() {
        var role = role(Approver.of("U0TECH"), Approver.of("S0QA"));

        var eligibility = whoMaySign.check(role, STARTER, "U0TECH");

        assertThat(eligibility).isEqualTo(new Eligibility.Allowed());
        then(groups).shouldHaveNoInteractions();
    }

    @Test
    void aMemberOfAnAssignedGroupMaySign() {
        given(groups.isGroup("S0QA")).willReturn(true);
        given(groups.of("S0QA")).willReturn(Optional.of(Set.of("U0DANA", "U0EVE")));

        var eligibility = whoMaySign.check(role(Approver.of("U0TECH"), Approver.of("S0QA")), STARTER, "U0DANA");

        assertThat(eligibility.allowed()).isTrue();
    }

    @Test
    void someoneElseIsToldWhoMaySign() {
        given(groups.isGroup("S0QA")).willReturn(true);
        given(groups.of("S0QA")).willReturn(Optional.of(Set.of("U0DANA")));
        var approvers = List.of(Approver.of("U0TECH"), new Approver("S0QA", "@qa"));

        var eligibility = whoMaySign.check(role(approvers.toArray(Approver[]::new)), STARTER, "U0MALLORY");

        assertThat(eligibility).isEqualTo(new Eligibility.NotAnApprover(approvers, List.of()));
    }

    @Test
    void aGroupWhoseMembersCannotBeLookedUpAdmitsNobodyAndSaysSo() {
        given(groups.isGroup(anyString())).willReturn(true);
        given(groups.of(anyString())).willReturn(Optional.empty());

        var eligibility = whoMaySign.check(role(Approver.of("S0QA")), STARTER, "U0DANA");

        assertThat(eligibility).isEqualTo(new Eligibility.NotAnApprover(List.of(Approver.of("S0QA")),
                List.of(Approver.of("S0QA"))));
    }

    @Test
    void theStarterMayNotSignARoleNobodyIsAssignedTo() {
        assertThat(whoMaySign.check(role(), STARTER, STARTER)).isEqualTo(new Eligibility.StartedTheRelease(true));
        assertThat(whoMaySign.check(role(), STARTER, "U0BOB").allowed()).isTrue();
    }

    @Test
    void theStarterSignsNoRoleOfTheirReleaseEvenOneTheyAreNamedFor() {
        given(groups.isGroup("S0QA")).willReturn(true);
        given(groups.of("S0QA")).willReturn(Optional.of(Set.of(STARTER)));

        assertThat(whoMaySign.check(role(Approver.of(STARTER)), STARTER, STARTER))
                .isEqualTo(new Eligibility.StartedTheRelease(false));
        assertThat(whoMaySign.check(role(Approver.of("S0QA")), STARTER, STARTER).allowed()).isFalse();
        assertThat(whoMaySign.onlyTheStarter(List.of(Approver.of(STARTER)), STARTER)).isTrue();
        assertThat(whoMaySign.onlyTheStarter(List.of(Approver.of(STARTER), Approver.of("U0BOB")), STARTER)).isFalse();
    }

    @Test
    void selfSigningCanBeAllowed() {
        var lenient = new WhoMaySign(groups, new ApprovalSettings(true, Duration.ofSeconds(60)));

        assertThat(lenient.check(role(), STARTER, STARTER).allowed()).isTrue();
        assertThat(lenient.check(role(Approver.of(STARTER)), STARTER, STARTER).allowed()).isTrue();
        assertThat(lenient.onlyTheStarter(List.of(Approver.of(STARTER)), STARTER)).isFalse();
    }

    @Test
    void whetherAnIdIsAGroupIsAskedOfThePort() {
        given(groups.isGroup("U0QAGROUP")).willReturn(true);
        given(groups.of("U0QAGROUP")).willReturn(Optional.of(Set.of("U0DANA")));

        assertThat(whoMaySign.check(role(Approver.of("U0QAGROUP")), STARTER, "U0DANA").allowed()).isTrue();
    }

    private static RoleState role(Approver... approvers) {
        return new RoleState(0, "QA Lead", "", List.of(approvers),
                approvers.length == 0 ? RoleState.ApproverSource.NOBODY : RoleState.ApproverSource.TEMPLATE, null);
    }
}
