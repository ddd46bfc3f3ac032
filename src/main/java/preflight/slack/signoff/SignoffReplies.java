package preflight.slack.signoff;

import java.util.Optional;

import preflight.approval.Decision;
import preflight.approval.Eligibility;
import preflight.approval.Outcome;
import preflight.approval.RoleState;
import preflight.slack.text.Mrkdwn;
import preflight.words.StatusText;

/** What the clicker alone is told when a sign-off click changed nothing. */
final class SignoffReplies {

    static final String UNKNOWN = "That sign-off is not one I know any more; nothing was changed.";
    static final String FAILED = "Sorry, something went wrong on my side and nothing was changed. Please try again.";

    private SignoffReplies() {
    }

    /** @return nothing when the outcome shows in the release's messages by itself */
    static Optional<String> to(Outcome outcome) {
        return Optional.ofNullable(switch (outcome) {
            case Outcome.Recorded recorded -> null;
            case Outcome.MayDecide mayDecide -> null;
            case Outcome.Unchanged(RoleState role, var standing) -> "*" + SignoffFormat.roleName(role) + "* is already "
                    + (standing.decision() == Decision.APPROVED ? "approved" : "rejected") + " by <@" + standing.by().id() + "> ("
                    + SignoffFormat.time(standing.at()) + "); nothing was changed.";
            case Outcome.Refused(RoleState role, Eligibility why) -> refused(role, why);
            case Outcome.NotYours(RoleState role, var standing) -> "Only <@" + standing.by().id()
                    + "> can withdraw their decision on *" + SignoffFormat.roleName(role) + "*; nothing was changed.";
            case Outcome.NothingToWithdraw(RoleState role) -> "There is no decision on *" + SignoffFormat.roleName(role)
                    + "* to withdraw.";
            case Outcome.Closed(var deployment) -> "Release *" + Mrkdwn.escape(deployment.version()) + "* is "
                    + StatusText.of(deployment.status()) + "; its sign-offs can no longer change.";
            case Outcome.UnknownRole unknown -> UNKNOWN;
        });
    }

    private static String refused(RoleState role, Eligibility why) {
        String name = SignoffFormat.roleName(role);
        return switch (why) {
            case Eligibility.Allowed allowed -> null;
            case Eligibility.NotAnApprover(var approvers, var unresolved) -> "Only "
                    + SignoffFormat.approverMentions(approvers) + " can sign *" + name + "*; nothing was changed."
                    + (unresolved.isEmpty() ? "" : " (I could not check who is in "
                    + SignoffFormat.approverMentions(unresolved) + " just now; please try again in a minute.)");
            case Eligibility.StartedTheRelease(boolean anyoneElseMay) -> "You started this release, so you do not"
                    + " sign its roles; " + (anyoneElseMay ? "nobody is named for *" + name + "*, so anyone else in the"
                    + " channel can sign it." : "the people named for *" + name + "* can.")
                    + " Nothing was changed.";
        };
    }
}
