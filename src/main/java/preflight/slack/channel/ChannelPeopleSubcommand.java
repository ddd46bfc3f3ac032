package preflight.slack.channel;

import preflight.slack.command.DeploySubcommand;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackMentions;
import preflight.slack.text.SlackUsers;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import preflight.deployment.ChannelPeople;
import preflight.deployment.ChannelRole;

/**
 * {@code /deploy managers …} and {@code /deploy oncall …}: show or replace the channel's list.
 * Once a channel has release managers, only they may change either list.
 */
abstract class ChannelPeopleSubcommand implements DeploySubcommand {

    private final ChannelPeople people;
    private final ChannelRole role;
    private final String what;

    ChannelPeopleSubcommand(ChannelPeople people, ChannelRole role, String what) {
        this.people = people;
        this.role = role;
        this.what = what;
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        String channel = command.getChannelId();
        if (args.isEmpty()) {
            var current = people.of(channel, role);
            return new Reply(current.isEmpty() ? "This channel has no " + what + " yet. Set them with `/deploy " + usage()
                    : "*" + capitalized(what) + "* of this channel: " + SlackMentions.show(current));
        }
        var parsed = SlackMentions.parse(String.join(" ", args));
        if (!parsed.unreadable().isEmpty() || parsed.mentions().isEmpty()) {
            return new Reply("Name people or user groups with @, e.g. `/deploy " + name() + " @alice @release-team`."
                    + (parsed.unreadable().isEmpty() ? "" : " I could not read: `"
                    + Mrkdwn.escape(Mrkdwn.truncate(String.join(" ", parsed.unreadable()), 80)) + "`."));
        }
        var managers = people.of(channel, ChannelRole.MANAGER);
        if (!managers.isEmpty() && !people.includes(managers, command.getUserId())) {
            return new Reply("Only this channel's release managers (" + SlackMentions.show(managers) + ") may change its "
                    + what + ".");
        }
        people.set(channel, role, parsed.ids(), SlackUsers.actor(command));
        return new Reply("*" + capitalized(what) + "* of this channel are now " + SlackMentions.show(parsed.ids()) + ".");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
