package preflight.approval;

import java.util.List;

import preflight.deployment.Actor;

/**
 * One sign-off role of a release as it stands: who may sign it and the decision, if any.
 *
 * @param index     position among the release's roles; stable for the life of the release (its checklist is a snapshot)
 * @param approvers who may sign; empty when nobody is assigned
 * @param decision  the standing decision, or null while the role is waiting
 * @param assignedBy who named the approvers in the channel ({@link ApproverSource#CHANNEL}); null otherwise
 * @param onlyTheStarter the only person named is the one who started the release, who may not sign it:
 *                  nobody can sign the role until someone else is named
 */
public record RoleState(int index, String name, String description, List<Approver> approvers,
                        ApproverSource source, SignoffDecision decision, Actor assignedBy, boolean onlyTheStarter) {

    public RoleState {
        approvers = List.copyOf(approvers);
        description = description == null ? "" : description;
    }

    public RoleState(int index, String name, String description, List<Approver> approvers, ApproverSource source,
                     SignoffDecision decision) {
        this(index, name, description, approvers, source, decision, null, false);
    }

    public boolean waiting() {
        return decision == null;
    }

    public boolean approved() {
        return decision != null && decision.decision() == Decision.APPROVED;
    }

    public boolean rejected() {
        return decision != null && decision.decision() == Decision.REJECTED;
    }

    /** Where the approvers of a role come from. */
    public enum ApproverSource {
        /** {@code /deploy approvers} in the release's channel */
        CHANNEL,
        /** the template's front matter ({@code signoff:}) */
        TEMPLATE,
        /** nobody is assigned */
        NOBODY
    }
}
