package preflight.approval;

import preflight.deployment.Release;

/** What became of an attempt to approve, reject or withdraw a sign-off. */
public sealed interface Outcome {

    /** The decision was stored (and audited); the release's messages will show it. */
    record Recorded(RoleState role) implements Outcome {
    }

    /** Only from {@link SignoffService#check}: this person may decide on the role now. */
    record MayDecide(RoleState role) implements Outcome {
    }

    /** The same decision already stands; nothing changed. */
    record Unchanged(RoleState role, SignoffDecision standing) implements Outcome {
    }

    /** This person may not sign the role; nothing changed. */
    record Refused(RoleState role, Eligibility why) implements Outcome {
    }

    /** Somebody else made the standing decision; only they can withdraw it. */
    record NotYours(RoleState role, SignoffDecision standing) implements Outcome {
    }

    record NothingToWithdraw(RoleState role) implements Outcome {
    }

    /** The release is no longer in progress (shipped, aborted, …): sign-offs are closed. */
    record Closed(Release deployment) implements Outcome {
    }

    /** No such role in the release (a click on a message from an older build, or a forged request). */
    record UnknownRole() implements Outcome {
    }
}
