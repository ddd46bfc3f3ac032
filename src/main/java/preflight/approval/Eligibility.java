package preflight.approval;

import java.util.List;

/** Whether one person may sign one role of a release, and if not, why. */
public sealed interface Eligibility {

    default boolean allowed() {
        return this instanceof Allowed;
    }

    record Allowed() implements Eligibility {
    }

    /**
     * The role has approvers and this person is not one of them.
     *
     * @param unresolvedGroups groups whose members could not be looked up just now
     */
    record NotAnApprover(List<Approver> approvers, List<Approver> unresolvedGroups) implements Eligibility {

        public NotAnApprover {
            approvers = List.copyOf(approvers);
            unresolvedGroups = List.copyOf(unresolvedGroups);
        }
    }

    /** Nobody is assigned to the role and the person asking started the release. */
    record StartedTheRelease() implements Eligibility {
    }

    /** Nobody is assigned to the role and unassigned roles may not be signed by just anyone. */
    record NobodyAssigned() implements Eligibility {
    }
}
