package preflight.approval;

import java.util.List;

import preflight.deployment.Refusal;

/** What became of an attempt to change who may sign a role in a channel. */
public sealed interface ApproversChange {

    /** @param before the channel's approvers for the role until now; empty when the template's applied */
    record Assigned(String role, List<Approver> before, List<Approver> after) implements ApproversChange {
    }

    record Cleared(String role, List<Approver> before) implements ApproversChange {
    }

    /** The role had no approvers of its own in the channel; nothing changed. */
    record NothingToClear(String role) implements ApproversChange {
    }

    /** This person may not change the channel's rules; nothing changed. */
    record Refused(Refusal why) implements ApproversChange {
    }
}
