package preflight.slack.text;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;

import preflight.deployment.Actor;

/** Who did something, from the user a Slack payload names: the display name when Slack sends one. */
public final class SlackUsers {

    private SlackUsers() {
    }

    public static Actor actor(SlashCommandPayload command) {
        return actor(command.getUserId(), null, command.getUserName());
    }

    public static Actor actor(BlockActionPayload.User user) {
        return actor(user.getId(), user.getName(), user.getUsername());
    }

    public static Actor actor(ViewSubmissionPayload.User user) {
        return actor(user.getId(), user.getName(), user.getUsername());
    }

    private static Actor actor(String id, String name, String username) {
        return new Actor(id, name != null ? name : username != null ? username : id);
    }
}
