package preflight.slack.text;

import preflight.deployment.ReleaseStatus;
import preflight.words.StatusText;

/** Slack's own forms of a release's status; in a sentence it is {@link StatusText}. */
public final class StatusWords {

    private StatusWords() {
    }

    /** "Aborted", "Rolled back", …: the status opening a line. */
    public static String capitalized(ReleaseStatus status) {
        String words = StatusText.of(status);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "🚀 shipped, monitoring", …: how a release ended up, one line of the channel's history. */
    public static String outcome(ReleaseStatus status) {
        return switch (status) {
            case IN_PROGRESS -> "🟡 in progress";
            case SHIPPED -> "🚀 shipped, monitoring";
            case COMPLETED -> "✅ completed";
            case ABORTED -> "⛔ aborted";
            case ROLLED_BACK -> "↩️ rolled back";
        };
    }
}
