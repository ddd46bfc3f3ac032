package preflight.slack.lifecycle;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import preflight.deployment.Actor;
import preflight.deployment.Release;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.command.ReleaseArguments;
import preflight.slack.text.SlackUsers;

/** A lifecycle subcommand that needs a reason: {@code /deploy <name> [version] <reason>}. */
abstract class ReasonedSubcommand implements DeploySubcommand {

    private final ReleaseArguments releases;

    ReasonedSubcommand(ReleaseArguments releases) {
        this.releases = releases;
    }

    abstract void apply(Release deployment, Actor actor, String reason);

    abstract String done(Release deployment);

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        return LifecycleCommands.run(() -> {
            var resolved = releases.resolve(command.getChannelId(), args);
            if (resolved.rest().isEmpty()) {
                return new Reply("Please give a reason: `/deploy " + usage());
            }
            apply(resolved.deployment(), SlackUsers.actor(command), String.join(" ", resolved.rest()));
            return new Reply(done(resolved.deployment()));
        });
    }
}
