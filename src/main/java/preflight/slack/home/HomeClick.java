package preflight.slack.home;

import java.util.regex.Pattern;

/** A sign-off button on a Home tab names its release and role in its action id: Home has no message to look up. */
record HomeClick(long releaseId, int roleIndex) {

    static Pattern pattern(String action) {
        return Pattern.compile("^" + Pattern.quote(action) + ":\\d{1,18}:\\d{1,3}$");
    }

    static String actionId(String action, long releaseId, int roleIndex) {
        return action + ":" + releaseId + ":" + roleIndex;
    }

    /** @param actionId one the pattern matched */
    static HomeClick of(String actionId) {
        var parts = actionId.split(":");
        return new HomeClick(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
    }
}
