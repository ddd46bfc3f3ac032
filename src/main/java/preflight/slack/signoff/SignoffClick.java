package preflight.slack.signoff;

import java.util.Optional;
import java.util.regex.Pattern;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;

import preflight.deployment.Actor;
import preflight.slack.outbox.Outbox;
import preflight.slack.text.SlackUsers;


/** A click on a sign-off button: which release (from the message it was on), which role, who. */
record SignoffClick(long releaseId, int roleIndex, Actor actor, String channelId) {

    static Pattern actions(String action) {
        return Pattern.compile("^" + Pattern.quote(action) + ":\\d{1,3}$");
    }

    static Optional<SignoffClick> of(BlockActionPayload payload, Outbox outbox) {
        var action = payload.getActions() == null || payload.getActions().isEmpty() ? null
                : payload.getActions().getFirst();
        String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
        String ts = payload.getContainer() == null ? null : payload.getContainer().getMessageTs();
        if (action == null || channel == null || ts == null || payload.getUser() == null) {
            return Optional.empty();
        }
        String actionId = action.getActionId();
        int roleIndex = Integer.parseInt(actionId.substring(actionId.lastIndexOf(':') + 1));
        var user = payload.getUser();
        var actor = SlackUsers.actor(user);
        return outbox.deploymentOf(channel, ts).map(id -> new SignoffClick(id, roleIndex, actor, channel));
    }
}
