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

    /**
     * The person asking started the release, and starters do not sign their own releases.
     *
     * @param anyoneElseMay nobody is named for the role, so anyone else in the channel may sign it
     */
    record StartedTheRelease(boolean anyoneElseMay) implements Eligibility {
    }
}
