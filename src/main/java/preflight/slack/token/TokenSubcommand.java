package preflight.slack.token;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.slack.command.DeploySubcommand;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackDates;
import preflight.slack.text.SlackMentions;
import preflight.slack.text.SlackUsers;
import preflight.token.ApiTokens;
import preflight.token.TokenCreation;

/**
 * {@code /deploy token create|list|revoke}: tokens for pipelines calling the HTTP API in this
 * channel. A new token is shown once, only to whoever created it (the reply is ephemeral).
 */
@Component
@Order(60)
class TokenSubcommand implements DeploySubcommand {

    private final ApiTokens tokens;

    TokenSubcommand(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String usage() {
        return "token create <name> | list | revoke <name>` — API tokens for your deploy pipeline in this channel"
                + " (release managers only)";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        String action = args.isEmpty() ? "" : args.getFirst().toLowerCase();
        if (action.equals("list") && args.size() == 1) {
            return list(command.getChannelId());
        }
        if ((action.equals("create") || action.equals("revoke")) && args.size() == 2) {
            String name = args.get(1);
            if (!ApiTokens.validName(name)) {
                return new Reply("`" + Mrkdwn.escape(Mrkdwn.truncate(name, 40)) + "` is not a token name I can use:"
                        + " up to 40 letters, digits and `. _ -`, e.g. `github-actions`.");
            }
            return action.equals("create") ? create(command, name) : revoke(command, name);
        }
        return new Reply("Usage: `/deploy " + usage());
    }

    private Reply create(SlashCommandPayload command, String name) {
        var actor = SlackUsers.actor(command);
        return switch (tokens.create(command.getChannelId(), command.getTeamDomain(), name, actor)) {
            case TokenCreation.Created created -> new Reply("🔑 Token *" + Mrkdwn.escape(name) + "* for this channel:\n"
                    + "```" + created.secret() + "```\n"
                    + "Copy it now: it is shown only this once (I keep only its hash). Give it to your pipeline as"
                    + " `PREFLIGHT_TOKEN`; what it does shows as `api:" + Mrkdwn.escape(name) + "`."
                    + " Revoke it with `/deploy token revoke " + Mrkdwn.escape(name) + "`.");
            case TokenCreation.NameTaken taken -> new Reply("This channel already has a token called *"
                    + Mrkdwn.escape(name) + "*. Revoke it first or pick another name. Nothing was created.");
            case TokenCreation.InvalidName invalid -> new Reply("`" + Mrkdwn.escape(name) + "` is not a token name I can use.");
            case TokenCreation.NotAllowed refused -> notAllowed("create");
        };
    }

    private Reply revoke(SlashCommandPayload command, String name) {
        return switch (tokens.revoke(command.getChannelId(), name, SlackUsers.actor(command))) {
            case REVOKED -> new Reply("Token *" + Mrkdwn.escape(name) + "* is revoked: pipelines using it are refused"
                    + " from now on.");
            case UNKNOWN -> new Reply("This channel has no token called *" + Mrkdwn.escape(name)
                    + "*. `/deploy token list` shows its tokens. Nothing was changed.");
            case NOT_ALLOWED -> notAllowed("revoke");
        };
    }

    private Reply list(String channelId) {
        var live = tokens.list(channelId);
        if (live.isEmpty()) {
            return new Reply("This channel has no API tokens. Create one with `/deploy token create <name>`.");
        }
        var text = new StringBuilder("*API tokens of this channel*");
        for (var token : live) {
            text.append("\n• *").append(Mrkdwn.escape(token.name())).append("* — created by ")
                    .append(SlackMentions.show(List.of(token.createdBy()))).append(' ')
                    .append(SlackDates.of(token.createdAt())).append(", last used ")
                    .append(token.lastUsedAt() == null ? "never" : SlackDates.of(token.lastUsedAt()));
        }
        return new Reply(text.toString());
    }

    private static Reply notAllowed(String action) {
        return new Reply("Only this channel's release managers or an admin may " + action + " API tokens (`/deploy managers`"
                + " shows who they are). Nothing was changed.");
    }
}
