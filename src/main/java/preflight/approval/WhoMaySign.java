package preflight.approval;

import java.util.ArrayList;

import org.springframework.stereotype.Component;

import preflight.deployment.GroupMembers;

/**
 * Decides who may sign a role. An assigned user always may; a member of an assigned group may
 * (membership from Slack, cached briefly). A role nobody is assigned to may be signed by anyone
 * except the person who started the release, unless the settings say otherwise.
 */
@Component
class WhoMaySign {

    private final GroupMembers groups;
    private final ApprovalSettings settings;

    WhoMaySign(GroupMembers groups, ApprovalSettings settings) {
        this.groups = groups;
        this.settings = settings;
    }

    Eligibility check(RoleState role, String startedBy, String userId) {
        if (role.approvers().isEmpty()) {
            if (!settings.allowAnyoneWhenUnassigned()) {
                return new Eligibility.NobodyAssigned();
            }
            if (userId.equals(startedBy) && !settings.starterMaySignUnassigned()) {
                return new Eligibility.StartedTheRelease();
            }
            return new Eligibility.Allowed();
        }
        if (role.approvers().stream().anyMatch(approver -> !approver.group() && approver.id().equals(userId))) {
            return new Eligibility.Allowed();
        }
        var unresolved = new ArrayList<Approver>();
        for (Approver approver : role.approvers()) {
            if (!approver.group()) {
                continue;
            }
            var members = groups.of(approver.id());
            if (members.isEmpty()) {
                unresolved.add(approver);
            } else if (members.map(ids -> ids.contains(userId)).orElse(false)) {
                return new Eligibility.Allowed();
            }
        }
        return new Eligibility.NotAnApprover(role.approvers(), unresolved);
    }
}
