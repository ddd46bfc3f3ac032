package preflight.slack.home;

import java.util.regex.Pattern;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;

import preflight.deployment.Actor;
import preflight.slack.text.SlackUsers;

/**
 * A sign-off button on a Home tab names its release and role in its action id: Home has no
 * message to look up. {@code userId} is whose Home it was, where answers go.
 */
record HomeClick(long releaseId, int roleIndex, Actor actor, String userId) {

    static Pattern pattern(String action) {
        return Pattern.compile("^" + Pattern.quote(action) + ":\\d{1,18}:\\d{1,3}$");
    }

    static String actionId(String action, long releaseId, int roleIndex) {
        return action + ":" + releaseId + ":" + roleIndex;
    }

    /** @param payload a click whose action id the pattern matched */
    static HomeClick of(BlockActionPayload payload) {
        var parts = payload.getActions().getFirst().getActionId().split(":");
        return new HomeClick(Long.parseLong(parts[1]), Integer.parseInt(parts[2]), SlackUsers.actor(payload.getUser()),
                payload.getUser().getId());
    }
}
