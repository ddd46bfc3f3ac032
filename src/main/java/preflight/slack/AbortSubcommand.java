package preflight.slack;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseLifecycle;

/** {@code /deploy abort [version] <reason>}. */
@Component
@Order(31)
class AbortSubcommand implements DeploySubcommand {

    private final ReleaseArguments releases;
    private final ReleaseLifecycle lifecycle;

    AbortSubcommand(ReleaseArguments releases, ReleaseLifecycle lifecycle) {
        this.releases = releases;
        this.lifecycle = lifecycle;
    }

    @Override
    public String name() {
        return "abort";
    }

    @Override
    public String usage() {
        return "abort [version] <reason>` — stop a release before it ships";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        return LifecycleCommands.run(() -> {
            var resolved = releases.resolve(command.getChannelId(), args);
            if (resolved.rest().isEmpty()) {
                return new Reply("Please give a reason: `/deploy " + usage());
            }
            lifecycle.abort(resolved.deployment().id(), LifecycleCommands.actor(command),
                    String.join(" ", resolved.rest()));
            return new Reply("Aborted *" + Mrkdwn.escape(resolved.deployment().release()) + "*.");
        });
    }
}
