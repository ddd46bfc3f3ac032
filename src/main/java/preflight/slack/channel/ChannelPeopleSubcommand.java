package preflight.slack.channel;

import java.util.LinkedHashMap;
import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import preflight.deployment.ChannelPeople;
import preflight.deployment.ChannelRole;
import preflight.deployment.ChannelRules;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.Refusals;
import preflight.slack.text.SlackMentions;
import preflight.slack.text.SlackUsers;

/**
 * {@code /deploy managers …} and {@code /deploy oncall …}: show (anyone) or replace (whoever
 * administers the channel's rules) the channel's list. A change is said in the channel.
 */
abstract class ChannelPeopleSubcommand implements DeploySubcommand {

    private final ChannelPeople people;
    private final ChannelRules rules;
    private final ChannelRole role;
    private final String what;

    ChannelPeopleSubcommand(ChannelPeople people, ChannelRules rules, ChannelRole role, String what) {
        this.people = people;
        this.rules = rules;
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
        var handles = new LinkedHashMap<String, String>();
        parsed.mentions().stream().filter(mention -> mention.handle() != null)
                .forEach(mention -> handles.put(mention.id(), mention.handle()));
        return switch (rules.setPeople(channel, role, parsed.ids(), handles, SlackUsers.actor(command))) {
            case ChannelRules.PeopleChange.Refused(var why) -> new Reply(Refusals.of(why));
            case ChannelRules.PeopleChange.Changed(var changed, var before, var after) -> {
                var known = people.handles(channel);
                yield Reply.inChannel("<@" + command.getUserId() + "> made " + SlackMentions.quiet(after, known)
                        + " the " + what + " of this channel" + (before.isEmpty() ? "" : " (until now: "
                        + SlackMentions.quiet(before, known) + ")") + ".");
            }
        };
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
