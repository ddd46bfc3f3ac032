package preflight.slack.text;

import preflight.deployment.Refusal;
import preflight.words.StatusText;

/** The words for every refusal a feature gives; each is written here once. */
public final class Refusals {

    /** An optimistic-lock failure: another change of the same release won the race. */
    public static final String CONCURRENT_CHANGE =
            "Someone changed this release at the same moment; nothing was changed. Look at the card and try again if it still applies.";

    private Refusals() {
    }

    public static String of(Refusal refusal) {
        return switch (refusal) {
            case Refusal.NotManager(var release, var step) -> "Only <@" + release.startedBy()
                    + "> (who started it) or this channel's release managers may " + verb(step) + " "
                    + Mrkdwn.escape(release.version()) + ". `/deploy managers` shows who they are. Nothing was changed.";
            case Refusal.NotOnCall(var release, var step) -> "Only on-call, the release managers or <@"
                    + release.startedBy() + "> may " + verb(step) + " " + Mrkdwn.escape(release.version())
                    + ". Nothing was changed.";
            case Refusal.NotOverrider(var release) -> "Shipping " + Mrkdwn.escape(release.version())
                    + " while it is NO-GO is an override, which only this channel's release managers or an admin may"
                    + " make. `/deploy managers` shows who they are. Nothing was changed.";
            case Refusal.WrongState(var release, var step) -> "Release " + Mrkdwn.escape(release.version()) + " is "
                    + StatusText.of(release.status()) + ", so it cannot " + verb(step) + " now. Nothing was changed.";
            case Refusal.NotAdministrator(var channel, boolean managersNamed) -> managersNamed
                    ? "Only this channel's release managers or a workspace admin can change this (`/deploy managers`"
                    + " shows who they are). Nothing was changed."
                    : "Only a workspace admin can change this while the channel has no release managers; an admin"
                    + " can name them with `/deploy managers @someone`. Nothing was changed.";
            case Refusal.TooManyActive(var channel, int limit) -> "This channel already has " + limit
                    + " active releases, as many as it may. Ship, complete or abort one (`/deploy list`) before"
                    + " starting another. Nothing was started.";
        };
    }

    private static String verb(Refusal.Step step) {
        return switch (step) {
            case SHIP -> "ship";
            case ABORT -> "abort";
            case COMPLETE -> "complete";
            case ROLL_BACK -> "roll back";
            case SNOOZE -> "snooze the reminder of";
        };
    }
}
