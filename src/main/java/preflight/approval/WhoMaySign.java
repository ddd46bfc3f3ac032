package preflight.approval;

import java.util.ArrayList;

import org.springframework.stereotype.Component;

import preflight.deployment.GroupMembers;

/**
 * Decides who may sign a role. An assigned user always may; a member of an assigned group may
 * (membership from Slack, cached briefly); a role nobody is assigned to, anyone. The person who
 * started the release signs none of its roles unless the settings allow it.
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
        if (userId.equals(startedBy) && !settings.selfSign()) {
            return new Eligibility.StartedTheRelease(role.approvers().isEmpty());
        }
        if (role.approvers().isEmpty()) {
            return new Eligibility.Allowed();
        }
        if (role.approvers().stream().anyMatch(approver -> approver.id().equals(userId))) {
            return new Eligibility.Allowed();
        }
        var unresolved = new ArrayList<Approver>();
        for (Approver approver : role.approvers()) {
            if (!groups.isGroup(approver.id())) {
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

    /** Whether the starter is the only one who could ever sign the role, and may not. */
    boolean onlyTheStarter(java.util.List<Approver> approvers, String startedBy) {
        return !settings.selfSign() && !approvers.isEmpty()
                && approvers.stream().allMatch(approver -> approver.id().equals(startedBy));
    }
}
