package preflight.slack.text;

import preflight.deployment.ReleaseStatus;
import preflight.words.StatusText;

/** How Slack words a release's status; each form is written here once. */
public final class StatusWords {

    private StatusWords() {
    }

    /** "in progress", "shipped — monitoring", …: the status inside a sentence or after a "·". */
    public static String of(ReleaseStatus status) {
        return StatusText.of(status);
    }

    /** "Aborted", "Rolled back", …: the status opening a line. */
    public static String capitalized(ReleaseStatus status) {
        String words = of(status);
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
