package preflight.slack;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseLifecycle;

/** {@code /deploy rollback [version] <reason>}. */
@Component
@Order(32)
class RollbackSubcommand implements DeploySubcommand {

    private final ReleaseArguments releases;
    private final ReleaseLifecycle lifecycle;

    RollbackSubcommand(ReleaseArguments releases, ReleaseLifecycle lifecycle) {
        this.releases = releases;
        this.lifecycle = lifecycle;
    }

    @Override
    public String name() {
        return "rollback";
    }

    @Override
    public String usage() {
        return "rollback [version] <reason>` — record that a shipped release was rolled back";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        return LifecycleCommands.run(() -> {
            var resolved = releases.resolve(command.getChannelId(), args);
            if (resolved.rest().isEmpty()) {
                return new Reply("Please give a reason: `/deploy " + usage());
            }
            lifecycle.rollBack(resolved.deployment().id(), LifecycleCommands.actor(command),
                    String.join(" ", resolved.rest()));
            return new Reply("Recorded the roll back of *" + Mrkdwn.escape(resolved.deployment().release()) + "*.");
        });
    }
}
