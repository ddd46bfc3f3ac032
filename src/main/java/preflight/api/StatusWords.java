package preflight.api;

import java.util.Locale;

import preflight.deployment.ReleaseStatus;
import preflight.words.StatusText;

/**
 * How the API words a release's status in a problem's detail. The JSON's {@code status} field is
 * the enum's name, a value pipelines compare, not words.
 */
final class StatusWords {

    private StatusWords() {
    }

    /**
     * The status as a refused lifecycle step has always named it ("in_progress", "shipped",
     * "rolled_back"), unlike {@link StatusText}: kept apart so pipelines matching today's details still do.
     */
    static String named(ReleaseStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
