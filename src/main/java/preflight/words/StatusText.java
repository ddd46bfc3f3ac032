package preflight.words;

import preflight.deployment.ReleaseStatus;

/** "in progress", "shipped — monitoring", …: a release's status inside a sentence. */
public final class StatusText {

    private StatusText() {
    }

    public static String of(ReleaseStatus status) {
        return switch (status) {
            case IN_PROGRESS -> "in progress";
            case SHIPPED -> "shipped — monitoring";
            case COMPLETED -> "completed";
            case ABORTED -> "aborted";
            case ROLLED_BACK -> "rolled back";
        };
    }
}
