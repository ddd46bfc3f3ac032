package preflight.slack.lifecycle;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.deployment.Refusal;
import preflight.deployment.ReleaseLifecycle;
import preflight.deployment.ShipBlocked;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.command.ReleaseArguments;
import preflight.slack.text.MissingWords;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.Refusals;
import preflight.slack.text.SlackUsers;

/** {@code /deploy shipped [version] [override <reason>]}. */
@Component
@Order(30)
class ShippedSubcommand implements DeploySubcommand {

    private final ReleaseArguments releases;
    private final ReleaseLifecycle lifecycle;

    ShippedSubcommand(ReleaseArguments releases, ReleaseLifecycle lifecycle) {
        this.releases = releases;
        this.lifecycle = lifecycle;
    }

    @Override
    public String name() {
        return "shipped";
    }

    @Override
    public String usage() {
        return "shipped [version] [override <reason>]` — mark the release shipped; on-call is reminded later";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        return LifecycleCommands.run(() -> {
            var resolved = releases.resolve(command.getChannelId(), args);
            var rest = resolved.rest();
            String override = null;
            if (!rest.isEmpty()) {
                if (!rest.getFirst().equalsIgnoreCase("override") || rest.size() < 2) {
                    return new Reply("Usage: `/deploy " + usage());
                }
                override = String.join(" ", rest.subList(1, rest.size()));
            }
            var deployment = resolved.deployment();
            try {
                lifecycle.ship(deployment.id(), SlackUsers.actor(command), override);
            } catch (ShipBlocked blocked) {
                return new Reply("*" + Mrkdwn.escape(deployment.version()) + "* is not ready to ship:\n"
                        + MissingWords.bullets(blocked.missing())
                        + (lifecycle.mayOverride(deployment, command.getUserId())
                        ? "\nTo ship anyway (recorded and shown as an emergency override): `/deploy shipped "
                        + Mrkdwn.escape(deployment.version()) + " override <why>`"
                        : "\n" + Refusals.of(new Refusal.NotOverrider(deployment))));
            }
            return new Reply("Marked *" + Mrkdwn.escape(deployment.version()) + "* shipped"
                    + (override == null ? "" : " with an emergency override") + ". On-call will be asked to confirm it is healthy.");
        });
    }
}
